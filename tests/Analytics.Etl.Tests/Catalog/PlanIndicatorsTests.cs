using Analytics.Warehouse.ReferenceData;
using Analytics.Warehouse.Plans;

namespace Analytics.Etl.Tests.Catalog;

/// <summary>
/// The warehouse cannot see etl's catalog, so the link between plan targets and indicator codes is
/// checked here, where both are visible.
/// </summary>
public sealed class PlanIndicatorsTests
{
    [Fact]
    public void EveryIndicatorATargetNamesIsInTheCatalog()
    {
        var missing = PlanCatalog.Embedded.IndicatorCodes.Where(code => !IndicatorCatalog.Default.Contains(code)).Order().ToList();

        Assert.True(missing.Count == 0, "not in warehouse/ReferenceData/indicators.csv: " + string.Join(", ", missing));
    }

    [Fact]
    public void ATargetOnASingleIndicatorUsesOneOfTheRightValueType()
    {
        foreach (var target in PlanCatalog.Embedded.Targets.Where(t => t.Indicator is not null))
        {
            var indicator = IndicatorCatalog.Default.Get(target.Indicator!);
            var expected = target.Measure switch
            {
                TargetMeasure.Share or TargetMeasure.Average => IndicatorValueType.Rate,
                TargetMeasure.Count => IndicatorValueType.Count,
                _ => IndicatorValueType.Amount,
            };
            Assert.True(indicator.ValueType == expected,
                $"{target.Id}: a {target.Measure} target needs a {expected} indicator, '{indicator.Code}' is {indicator.ValueType}");
        }
    }

    [Fact]
    public void ATargetsSectorFilterStaysInsideTheSectorsItsIndicatorsAreReportedFor()
    {
        foreach (var target in PlanCatalog.Embedded.Targets)
        {
            foreach (var code in target.IndicatorCodes)
            {
                var indicator = IndicatorCatalog.Default.Get(code);
                if (indicator.Sectors.Count == 0) continue;
                Assert.True(target.Sectors.Count > 0 && target.Sectors.All(indicator.AllowsSector),
                    $"{target.Id}: '{code}' is reported only by {string.Join(",", indicator.Sectors)}, so the target must filter to those sectors");
            }
        }
    }

    [Fact]
    public void RatioTargetsDivideByACountOrAFlagNeverByARate()
    {
        foreach (var target in PlanCatalog.Embedded.Targets.Where(t => t.IsRatio))
        {
            var numerator = IndicatorCatalog.Default.Get(target.Numerator!);
            var denominator = IndicatorCatalog.Default.Get(target.Denominator!);
            Assert.True(numerator.IsCount || numerator.IsFlag, $"{target.Id}: numerator '{numerator.Code}' is {numerator.ValueType}");
            Assert.True(denominator.IsCount || denominator.IsFlag, $"{target.Id}: denominator '{denominator.Code}' is {denominator.ValueType}");
        }
    }
}
