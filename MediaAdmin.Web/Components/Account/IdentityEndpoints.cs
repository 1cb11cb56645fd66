using MediaAdmin.Core.Accounts;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace MediaAdmin.Web.Components.Account;

internal static class IdentityEndpoints
{
    /// <summary>
    /// Sign-out is a form POST carrying the antiforgery token of a console page, so no link, image or form
    /// on another site can sign a user out.
    /// </summary>
    public static IEndpointConventionBuilder MapAdditionalIdentityEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var accountGroup = endpoints.MapGroup("/Account");
        accountGroup.MapPost("/Logout", async Task<Results<BadRequest, RedirectHttpResult>> (
            HttpContext context, [FromServices] IAntiforgery antiforgery, [FromServices] SignInManager<MediaUser> signInManager) =>
        {
            // Checked here: the antiforgery middleware only validates endpoints that bind a form.
            if (!await antiforgery.IsRequestValidAsync(context))
            {
                return TypedResults.BadRequest();
            }

            await signInManager.SignOutAsync();
            return TypedResults.LocalRedirect("~/Account/Login");
        }).AllowAnonymous();
        return accountGroup;
    }
}
