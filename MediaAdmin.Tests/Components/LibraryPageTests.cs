using System.Security.Claims;
using Bunit;
using MediaAdmin.Core.Cdn;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Support;
using MediaAdmin.Web.Components.Pages.Library;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace MediaAdmin.Tests.Components;

/// <summary>The library page rendered by bUnit over the real Core services on a real SQLite file.</summary>
public sealed class LibraryPageTests : ConsoleComponentTest, IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private CoreHost _core = null!;

    async Task IAsyncLifetime.InitializeAsync() => _core = await CoreHost.StartAsync(_folder.Path);

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _core.DisposeAsync();
        _folder.Dispose();
    }

    [Fact]
    public async Task Rows_load_from_the_server_with_not_deletable_ones_marked_and_the_view_in_the_url()
    {
        var (editor, own, theirs) = await ArrangeAsync();
        var page = RenderAs(editor);

        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=row-id]").Count));

        Assert.Contains(theirs.Title, page.Find("tr:has([data-testid=not-deletable])").TextContent, StringComparison.Ordinal);
        Assert.DoesNotContain(own.Title, page.Find("tr:has([data-testid=not-deletable])").TextContent, StringComparison.Ordinal);
        Assert.EndsWith("/", Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>().Uri, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Selecting_fills_the_counter_and_tray_and_the_tray_removes_again()
    {
        var (editor, own, theirs) = await ArrangeAsync();
        var page = RenderAs(editor);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=row-id]").Count));

        page.Find($"[data-testid=select-{own.Id}] input, input[data-testid=select-{own.Id}]").Change(true);
        page.Find($"[data-testid=select-{theirs.Id}] input, input[data-testid=select-{theirs.Id}]").Change(true);

        Assert.Equal("2 / 20 selected", page.Find("[data-testid=selection-counter]").TextContent.Trim());
        Assert.Equal([own.Title, theirs.Title], page.FindAll("[data-testid=selected-item]").Select(e => e.TextContent.Trim()));
        Assert.Equal(theirs.Id, page.Instance.Selection.Items.Single(i => !i.CanDelete).Id);
    }

    [Fact]
    public async Task A_21st_pick_is_refused_with_the_reason()
    {
        var editor = await _core.CreateUserAsync(RoleNames.Editor);
        var assets = await _core.AddAssetsAsync(editor.Id, 21, 1, 1);
        var page = RenderAs(editor);
        page.WaitForAssertion(() => Assert.Equal(21, page.FindAll("[data-testid=row-id]").Count));

        foreach (var asset in assets)
        {
            page.Find($"[data-testid=select-{asset.Id}] input, input[data-testid=select-{asset.Id}]").Change(true);
        }

        Assert.Equal("20 / 20 selected", page.Find("[data-testid=selection-counter]").TextContent.Trim());
        Assert.Equal("At most 20 assets can be deleted at once; remove one from the selection first.", page.Instance.SelectionRefusal);
        Assert.DoesNotContain(assets[20].Id, page.Instance.Selection.ToVideoIds(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_deletion_elsewhere_drops_the_asset_from_the_selection_and_the_grid()
    {
        var (editor, own, _) = await ArrangeAsync();
        var page = RenderAs(editor);
        page.WaitForAssertion(() => Assert.Equal(2, page.FindAll("[data-testid=row-id]").Count));
        page.Find($"[data-testid=select-{own.Id}] input, input[data-testid=select-{own.Id}]").Change(true);

        await _core.Deletion.DeleteAsync(new DeletionCaller(editor.Id, Core.Audit.DeletionChannel.Api), own.Id);

        page.WaitForAssertion(() => Assert.Single(page.FindAll("[data-testid=row-id]")));
        Assert.Equal("0 / 20 selected", page.Find("[data-testid=selection-counter]").TextContent.Trim());
    }

    private async Task<(Core.Accounts.MediaUser Editor, MediaAsset Own, MediaAsset Theirs)> ArrangeAsync()
    {
        var editor = await _core.CreateUserAsync(RoleNames.Editor);
        var colleague = await _core.CreateUserAsync(RoleNames.Editor);
        var own = await _core.AddAssetAsync(editor.Id, title: "Own clip");
        var theirs = await _core.AddAssetAsync(colleague.Id, title: "Their clip");
        return (editor, own, theirs);
    }

    private IRenderedComponent<LibraryPage> RenderAs(Core.Accounts.MediaUser user)
    {
        foreach (var type in new[] { typeof(LibraryQueryService), typeof(VideoDeletionService), typeof(DeletionPreviewService), typeof(DeletionNotifier), typeof(IOptions<CdnOptions>) })
        {
            Services.AddSingleton(type, _core.Services.GetRequiredService(type));
        }

        AddAuthorization().SetAuthorized(user.UserName!).SetClaims(new Claim(ClaimTypes.NameIdentifier, user.Id));
        Render<MudPopoverProvider>();
        Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        return Render<LibraryPage>();
    }
}
