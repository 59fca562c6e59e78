using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Validation;

namespace Analytics.Reports.Tests.Excel;

/// <summary>Runs the Open XML SDK validator over a workbook and lists every error with its part and path.</summary>
public static class WorkbookValidator
{
    public static IReadOnlyList<string> Errors(byte[] workbook)
    {
        using var stream = new MemoryStream(workbook);
        using var document = SpreadsheetDocument.Open(stream, false);
        var validator = new OpenXmlValidator(FileFormatVersions.Office2016);
        return validator.Validate(document)
            .Select(e => $"{e.Part?.Uri} {e.Path?.XPath}: {e.Description}")
            .ToList();
    }

    public static void AssertValid(byte[] workbook)
    {
        var errors = Errors(workbook);
        Assert.True(errors.Count == 0, $"{errors.Count} validation errors:\n" + string.Join("\n", errors.Take(30)));
    }
}
