using Bunit;
using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Sources;
using MediaAdmin.Web.Components.Pages.Admin;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace MediaAdmin.Tests.Components.Admin;

/// <summary>The accounts page rendered by bUnit over the real Core services, signed in as an administrator.</summary>
public abstract class AccountsPageTest : CoreComponentTest
{
    protected CategoryGrants Grants => App.Services.GetRequiredService<CategoryGrants>();

    /// <summary>The page and the dialog provider its dialogs open in.</summary>
    protected (IRenderedComponent<AccountsPage> Page, IRenderedComponent<MudDialogProvider> Dialogs) RenderAs(MediaUser administrator)
    {
        SignInWith(administrator, typeof(CategoryGrants), typeof(PermissionService), typeof(IOptions<LibrarySourceOptions>));

        // The page opens a scope per action, as on a circuit; each scope here opens one of the host's.
        Services.AddScoped(_ => new HostScope(App.Services.CreateAsyncScope()));
        Services.AddScoped(sp => sp.GetRequiredService<HostScope>().Services.GetRequiredService<AccountAdministration>());
        var dialogs = RenderProviders();
        return (Render<AccountsPage>(), dialogs);
    }

    protected static AngleSharp.Dom.IElement RowOf(IRenderedComponent<AccountsPage> page, MediaUser account) =>
        page.FindAll("[data-testid=account-row]").Single(r => r.TextContent.Contains(account.Email!, StringComparison.Ordinal));

    private sealed class HostScope(AsyncServiceScope scope) : IAsyncDisposable
    {
        public IServiceProvider Services => scope.ServiceProvider;

        public ValueTask DisposeAsync() => scope.DisposeAsync();
    }
}
