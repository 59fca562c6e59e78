using System.Text.Encodings.Web;
using Analytics.Reports.Charts;
using Microsoft.AspNetCore.Html;

namespace Analytics.Jobs.Web;

/// <summary>
/// An inline SVG chart drawn on the server by the reports' chart code: the one value a page writes
/// without HTML-encoding it. It can be made only from a <see cref="Chart"/> (whose text the SVG
/// writer escapes), never from a string, so no text from a request or the warehouse reaches a page
/// unencoded through it.
/// </summary>
public sealed class TrustedSvg : IHtmlContent
{
    private readonly string _svg;

    private TrustedSvg(string svg) => _svg = svg;

    /// <summary>The chart's SVG element (without the XML declaration before it).</summary>
    public static TrustedSvg Of(Chart chart)
    {
        ArgumentNullException.ThrowIfNull(chart);
        var svg = chart.RenderSvg();
        return new TrustedSvg(svg[svg.IndexOf("<svg", StringComparison.Ordinal)..]);
    }

    public void WriteTo(TextWriter writer, HtmlEncoder encoder)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.Write(_svg);
    }

    /// <summary>The SVG markup, for tests that parse it.</summary>
    public override string ToString() => _svg;
}
