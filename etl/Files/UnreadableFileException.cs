namespace Analytics.Etl.Files;

/// <summary>A file that cannot be read at all (not UTF-8, not a workbook, empty); the message is for the unit officer.</summary>
public sealed class UnreadableFileException(string message) : Exception(message);
