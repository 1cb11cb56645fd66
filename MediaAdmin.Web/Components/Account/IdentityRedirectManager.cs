using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Components;

namespace MediaAdmin.Web.Components.Account;

/// <summary>Redirects from static server-rendered account pages, refusing redirects off this site.</summary>
internal sealed class IdentityRedirectManager(NavigationManager navigationManager)
{
    public const string StatusCookieName = "Identity.StatusMessage";

    private static readonly CookieBuilder StatusCookieBuilder = new()
    {
        SameSite = SameSiteMode.Strict,
        HttpOnly = true,
        IsEssential = true,
        MaxAge = TimeSpan.FromSeconds(5),
    };

    /// <summary>Goes to <paramref name="uri"/> when it is a path on this site, and to the home page otherwise (or when empty).</summary>
    public void RedirectTo(string? uri) => navigationManager.NavigateTo(IsOnThisSite(uri) ? uri : "/");

    /// <summary>
    /// A relative URL no browser reads as another host: not <c>//host</c>, nor <c>/\host</c> (browsers read a
    /// backslash as a slash), nor with a scheme or a control character a browser would strip.
    /// </summary>
    internal static bool IsOnThisSite([NotNullWhen(true)] string? uri) =>
        !string.IsNullOrEmpty(uri)
        && Uri.IsWellFormedUriString(uri, UriKind.Relative)
        && !uri.StartsWith("//", StringComparison.Ordinal)
        && !uri.Any(c => c == '\\' || char.IsControl(c));

    public void RedirectToWithStatus(string uri, string message, HttpContext context)
    {
        context.Response.Cookies.Append(StatusCookieName, message, StatusCookieBuilder.Build(context));
        RedirectTo(uri);
    }

    private string CurrentPath => navigationManager.ToAbsoluteUri(navigationManager.Uri).GetLeftPart(UriPartial.Path);

    public void RedirectToCurrentPageWithStatus(string message, HttpContext context) => RedirectToWithStatus(CurrentPath, message, context);
}
