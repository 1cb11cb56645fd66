using MediaAdmin.Core;
using MediaAdmin.Core.Accounts;
using MediaAdmin.Web.Api;
using MediaAdmin.Web.Authorization;
using MediaAdmin.Web.Cdn;
using MediaAdmin.Web.Components;
using MediaAdmin.Web.Components.Account;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using MudBlazor.Services;

namespace MediaAdmin.Web.Hosting;

public static class MediaAdminWebExtensions
{
    /// <summary>Registers Core, the Blazor console with Identity sign-in, and the start-up steps of the web host.</summary>
    public static WebApplicationBuilder AddMediaAdminWeb(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var services = builder.Services;
        services.AddMediaAdminCore(builder.Configuration, builder.Environment.ContentRootPath);
        services.AddOptions<DemoSeedingOptions>().BindConfiguration(DemoSeedingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddHostedService<DemoSeedingHostedService>();
        services.AddOptions<Api.ApiOptions>().BindConfiguration(Api.ApiOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddVodRpcApi();

        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddMudServices();

        services.AddCascadingAuthenticationState();
        services.AddScoped<IdentityRedirectManager>();
        services.AddScoped<AuthenticationStateProvider, IdentityRevalidatingAuthenticationStateProvider>();
        services.AddAuthentication(options =>
            {
                options.DefaultScheme = IdentityConstants.ApplicationScheme;
                options.DefaultSignInScheme = IdentityConstants.ExternalScheme;
            })
            .AddIdentityCookies();
        services.ConfigureApplicationCookie(cookie =>
        {
            cookie.LoginPath = "/Account/Login";
            cookie.AccessDeniedPath = "/Account/AccessDenied";
            cookie.Cookie.Name = "MediaAdmin.Auth";
        });
        services.AddIdentityCore<MediaUser>(AccountRules.Apply).AddSignInManager();
        services.AddAuthorizationBuilder().AddPermissionPolicies();
        services.AddScoped<IAuthorizationHandler, PermissionAuthorizationHandler>();
        return builder;
    }

    /// <summary>The request pipeline: errors, static assets, the stored-file origin, the console and the account endpoints.</summary>
    public static WebApplication UseMediaAdminWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // First: the API port answers the VOD RPC protocol only, never a console page.
        app.UseVodRpcApi();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }

        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);

        // Called explicitly so they come after the API branch: left implicit, routing and authorization
        // run first and send API callers to the console's sign-in page.
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapStaticAssets().AllowAnonymous();
        app.MapCdnOrigin();
        app.MapAuditExport();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        app.MapAdditionalIdentityEndpoints();
        return app;
    }
}
