using Analytics.Reports.Charts;
using Xunit;

namespace Analytics.Reports.Tests.Charts;

internal static class ChartAssert
{
    /// <summary>Every label's measured box lies inside the image, and no two boxes overlap.</summary>
    public static void LabelsFitAndDoNotOverlap(Chart chart, string what)
    {
        var labels = chart.Labels;
        Assert.NotEmpty(labels);
        foreach (var label in labels)
        {
            var b = label.Bounds;
            Assert.True(b.Left >= 0 && b.Top >= 0 && b.Right <= chart.Size.Width && b.Bottom <= chart.Size.Height,
                $"{what}: '{label.Text}' ({label.Role}) lies outside the {chart.Size.Width}×{chart.Size.Height} image: {b}");
        }

        for (var i = 0; i < labels.Count; i++)
        {
            for (var j = i + 1; j < labels.Count; j++)
            {
                var (a, b) = (labels[i].Bounds, labels[j].Bounds);
                // Boxes include the font's line gap; touching, or a pixel's overlap of those gaps, is not an overlap.
                var overlapX = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
                var overlapY = Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top);
                Assert.False(overlapX > 1 && overlapY > 1,
                    $"{what}: '{labels[i].Text}' ({labels[i].Role}) {a} overlaps '{labels[j].Text}' ({labels[j].Role}) {b}");
            }
        }
    }
}
