using Analytics.Reports.Charts;

namespace Analytics.Reports.Conference;

/// <summary>One slide of the conference pack: file name stem, caption in the report's language, and the chart.</summary>
public sealed record ConferenceChart(string Name, string Caption, Chart Chart);
