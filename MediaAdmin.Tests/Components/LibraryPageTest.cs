using Bunit;
using MediaAdmin.Core.Cdn;
using MediaAdmin.Core.Cdn.Purge;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Ingest;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Web.Components.Pages.Library;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Tests.Components;

/// <summary>The library page rendered by bUnit, signed in, at a URL, over the real Core services on a real SQLite file.</summary>
public abstract class LibraryPageTest : CoreComponentTest
{
    protected NavigationManager Navigation => Services.GetRequiredService<NavigationManager>();

    protected IRenderedComponent<LibraryPage> RenderAs(Core.Accounts.MediaUser user, string url = "/")
    {
        SignInWith(user, typeof(LibraryQueryService), typeof(VideoDeletionService), typeof(FileRemovalProgressService), typeof(DeletionPreviewService), typeof(DeletionNotifier),
            typeof(PermissionService), typeof(IOptions<CdnOptions>), typeof(CdnPurgeQueries), typeof(CdnPurgeService), typeof(CdnPurgeNotifier), typeof(IOptions<CdnPurgeOptions>),
            typeof(IngestProgressService), typeof(AssetPreviewService));
        Navigation.NavigateTo(url);
        RenderProviders();
        return Render<LibraryPage>();
    }
}
