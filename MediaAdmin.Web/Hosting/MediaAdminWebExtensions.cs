using MediaAdmin.Core;
using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Ingest.Uploads;
using MediaAdmin.Web.Api;
using MediaAdmin.Web.Api.Actions;
using MediaAdmin.Web.Audit;
using MediaAdmin.Web.Authorization;
using MediaAdmin.Web.Cdn;
using MediaAdmin.Web.Components;
using MediaAdmin.Web.Components.Account;
using MediaAdmin.Web.Events;
using MediaAdmin.Web.Security;
using MediaAdmin.Web.Upload;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
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
        services.AddSingleton<RpcRateLimits>();
        services.AddSingleton<RpcAuthenticator>();
        services.AddSingleton<DeleteVideoAction>();
        services.AddSingleton<GetVideoInfoAction>();
        services.AddSingleton<GetVideoInfosAction>();
        services.AddSingleton<ScrollTokens>();
        services.AddSingleton<GetPlayInfoAction>();
        services.AddSingleton<GetVideoListAction>();
        services.AddSingleton<SearchMediaAction>();

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

        // Core registers Identity itself (options, stores, managers); the console adds signing in with cookies.
        new IdentityBuilder(typeof(MediaUser), typeof(IdentityRole), services).AddSignInManager();
        services.AddScoped<PasswordSignIn>();
        services.AddAuthorizationBuilder().AddPermissionPolicies();
        services.AddScoped<IAuthorizationHandler, PermissionAuthorizationHandler>();

        services.AddOptions<ForwardedHeadersSettings>().BindConfiguration(ForwardedHeadersSettings.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ForwardedHeadersSettings>, ForwardedHeadersSettingsValidator>();
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ForwardedHeadersSettings>>((options, settings) => settings.Value.ApplyTo(options));
        return builder;
    }

    /// <summary>
    /// The request pipeline: forwarded headers from known proxies, the API port, errors, browser hardening,
    /// static assets, the stored-file origin, the console and the account endpoints.
    /// </summary>
    public static WebApplication UseMediaAdminWeb(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);

        // Before the API too: its throttles and audit need the client's address, not the proxy's.
        if (app.Services.GetRequiredService<IOptions<ForwardedHeadersSettings>>().Value.IsBehindProxy)
        {
            app.UseForwardedHeaders();
        }

        // Then the API port, which answers the VOD RPC protocol only, never a console page.
        app.UseVodRpcApi();
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
            app.UseHsts();
            app.UseHttpsRedirection();
        }

        app.UseConsoleSecurityHeaders();
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
        app.MapUploadEndpoints();
        app.MapVodCallbacks();
        // The console's own policy says frame-ancestors 'none'; Blazor's default ('self') would take its place.
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode(server => server.ContentSecurityFrameAncestorsPolicy = null);
        app.MapAdditionalIdentityEndpoints();
        return app;
    }
}
