namespace Analytics.Etl.Sample;

/// <summary>The refusable mistakes the sample injects; the names are the keys of expected.json's "refused".</summary>
internal enum InjectedError
{
    NegativeValue,
    CbaFavorableAboveSigned,
    FractionalCount,
    NotANumber,
    UnknownUnit,
    UnknownIndicator,
}
