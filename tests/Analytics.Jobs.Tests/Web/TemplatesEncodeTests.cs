using System.Reflection;
using Analytics.Jobs.Web;
using Analytics.Reports.Charts;
using Microsoft.AspNetCore.Html;

namespace Analytics.Jobs.Tests.Web;

/// <summary>
/// The pages write markup unencoded in one way only: a <see cref="TrustedSvg"/>, made from a chart and
/// from nothing else. These read the templates and the web code from the source tree and the built types.
/// </summary>
public sealed class TemplatesEncodeTests
{
    private static string WebFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Analytics.sln"))) return Path.Combine(dir.FullName, "jobs", "Web");
        throw new InvalidOperationException("the tests run from inside the repository (Analytics.sln not found above " + AppContext.BaseDirectory + ")");
    }

    [Fact]
    public void No_template_or_page_code_writes_raw_markup_but_through_trusted_svg()
    {
        var web = WebFolder();
        var templates = Directory.GetFiles(Path.Combine(web, "Slices"), "*.cshtml");
        Assert.NotEmpty(templates);
        string[] escapes = ["HtmlString", "WriteHtml", "Raw(", "IHtmlContent", "WriteLiteral"];
        foreach (var file in templates.Concat(Directory.GetFiles(web, "*.cs", SearchOption.AllDirectories)))
        {
            var name = Path.GetFileName(file);
            // The one typed value for trusted SVG.
            if (name is "TrustedSvg.cs") continue;
            var text = File.ReadAllText(file);
            foreach (var escape in escapes)
                Assert.False(text.Contains(escape, StringComparison.Ordinal), $"{name} writes markup unencoded ({escape})");
        }
    }

    [Fact]
    public void A_trusted_svg_can_be_made_from_a_chart_only()
    {
        var type = typeof(TrustedSvg);
        Assert.Empty(type.GetConstructors(BindingFlags.Public | BindingFlags.Instance));
        var factories = type.GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == type).ToList();
        var factory = Assert.Single(factories);
        Assert.Equal([typeof(Chart)], factory.GetParameters().Select(p => p.ParameterType));
        // Nothing else in the web code is HTML content that a template would write as it is.
        Assert.Equal([type], typeof(ServiceHost).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("Analytics.Jobs.Web", StringComparison.Ordinal) == true && typeof(IHtmlContent).IsAssignableFrom(t)
                        && !t.Name.StartsWith('<') && t.Namespace != "AspNetCoreGeneratedDocument"));
    }
}
