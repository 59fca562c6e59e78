using System.Text.Json.Nodes;

namespace Analytics.Reports.Conference;

/// <summary>One slide of the conference pack: file name stem, caption in the report's language, and the Vega-Lite spec.</summary>
public sealed record ConferenceChart(string Name, string Caption, JsonObject Spec);
