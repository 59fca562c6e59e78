namespace Analytics.Etl.Sample;

/// <summary>How a grassroots union's reports reach the warehouse.</summary>
internal enum SubmissionChannel
{
    /// <summary>Inside its upper-level union's bulk CSV (the usual way).</summary>
    Bulk,

    /// <summary>Its own workbook in the long layout.</summary>
    Xlsx,

    /// <summary>Its own JSON document (web upload).</summary>
    Json,
}
