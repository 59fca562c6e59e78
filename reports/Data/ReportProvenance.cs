namespace Analytics.Reports.Data;

/// <summary>
/// Which data a report was built from, for its cover: accepted submissions behind the figures, and
/// how complete the reporting of the period was among the grassroots units under the report's unit.
/// </summary>
public sealed record ReportProvenance(
    long SubmissionsUsed,
    long UnitsExpected,
    long UnitsReceived,
    long UnitsLate,
    long UnitsMissing,
    DateTime? LastReceivedAt,
    DateTime AsOf)
{
    public double ReceivedShare => UnitsExpected == 0 ? 0 : (double)UnitsReceived / UnitsExpected;
}
