using Analytics.Jobs.Operations;
using Microsoft.Extensions.Configuration;

namespace Analytics.Jobs.Tests.Service;

public sealed class SettingsTests
{
    [Fact]
    public void The_shipped_appsettings_give_each_list_once_and_environment_variables_replace_it()
    {
        // The file the build copies beside the program, read as `analytics serve` reads it.
        var shipped = ServiceSettings.From(ServiceSettings.Load(AppContext.BaseDirectory));
        Assert.Equal(["TLD"], shipped.ReportUnits);
        Assert.Equal(["quarter", "year"], shipped.ReminderPeriodTypes);
        Assert.Null(shipped.ConferenceUnits);
        Assert.False(shipped.English);

        var overridden = ServiceSettings.From(new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Analytics:ReportUnits:0"] = "HNI",
                ["Analytics:ReportUnits:1"] = "THA",
                ["Analytics:Language"] = "en",
            })
            .Build());
        Assert.Equal(["HNI", "THA"], overridden.ReportUnits);
        Assert.True(overridden.English);
    }
}
