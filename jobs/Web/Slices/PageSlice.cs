using Analytics.Warehouse.Vocabulary;
using Microsoft.AspNetCore.Http;
using RazorSlices;

namespace Analytics.Jobs.Web.Slices;

/// <summary>
/// The base of every page slice: the request's language and helpers beside the model. Everything a page
/// writes with <c>@value</c> is HTML-encoded; the only markup a page writes unencoded is a
/// <see cref="TrustedSvg"/> drawn by the chart code.
/// </summary>
public abstract class PageSlice<TModel> : RazorSlice<TModel>
{
    /// <summary>The request being answered (set by RazorSlices before the slice renders).</summary>
    protected HttpContext Http => HttpContext ?? throw new InvalidOperationException("a page slice renders only as an HTTP result");

    protected bool English => PageRequest.English(Http);

    /// <summary>The page's language, for numbers, percentages and dates written as people read them (<see cref="Formats"/>).</summary>
    protected Language Language => English ? Language.En : Language.Vi;

    protected string T(string vi, string en) => English ? en : vi;
}

/// <summary>The base of the page frame (<c>_Layout.cshtml</c>): the same helpers as <see cref="PageSlice{TModel}"/>.</summary>
public abstract class FrameSlice : RazorLayoutSlice<Frame>
{
    protected HttpContext Http => HttpContext ?? throw new InvalidOperationException("the page frame renders only as an HTTP result");

    protected bool English => PageRequest.English(Http);

    protected string T(string vi, string en) => English ? en : vi;
}

/// <summary>
/// The page frame's model: the page's title in Vietnamese and English. The frame (<c>Slices/_Layout.cshtml</c>)
/// reads everything else from the request: the language, the signed-in user (sign-in link, or the name and
/// the sign-out form with its form token), the navigation and the styles. A page uses it like this:
/// <code>
/// @inherits PageSlice&lt;MyModel&gt;
/// @implements IUsesLayout&lt;_Layout, Frame&gt;
/// ... the page's content (inside &lt;main&gt;, after the &lt;h1&gt; title) ...
/// @functions { public Frame LayoutModel =&gt; new("Tiêu đề", "Title"); }
/// </code>
/// and a handler returns <c>MyPage.Create(model)</c> (set its <c>StatusCode</c> for other than 200).
/// Forms that post put <c>@(await RenderPartialAsync&lt;_FormToken&gt;())</c> inside the form.
/// </summary>
public sealed record Frame(string TitleVi, string TitleEn);
