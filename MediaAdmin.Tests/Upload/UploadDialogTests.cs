using Bunit;
using MediaAdmin.Core.Cdn;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Tests.Components;
using MediaAdmin.Web.Components.Dialogs;
using MediaAdmin.Web.Components.Pages.Library;
using MediaAdmin.Web.Upload;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using MudBlazor;

namespace MediaAdmin.Tests.Upload;

/// <summary>The Upload button on the library page and the dialog it opens, rendered by bUnit over the real Core services.</summary>
public sealed class UploadDialogTests : CoreComponentTest
{
    [Fact]
    public async Task A_viewer_sees_no_upload_button()
    {
        var viewer = await App.CreateUserAsync(RoleNames.Viewer);

        var page = RenderLibraryAs(viewer);

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid=library-grid]")));
        Assert.Empty(page.FindAll("[data-testid=upload-open]"));
    }

    [Fact]
    public async Task An_editor_sees_the_upload_button_and_it_opens_the_dialog()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var page = RenderLibraryAs(editor);

        page.WaitForAssertion(() => page.Find("[data-testid=upload-open]").Click());

        Assert.Single(Providers.FindAll("[data-testid=upload-dialog]"));
        JSInterop.VerifyInvoke("mediaAdminUpload.attach");
    }

    [Fact]
    public async Task Each_file_gets_its_name_as_title_its_progress_and_its_result_or_refusal()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var page = RenderLibraryAs(editor);
        page.WaitForAssertion(() => page.Find("[data-testid=upload-open]").Click());
        var dialog = Providers.FindComponent<UploadDialog>();

        await dialog.InvokeAsync(() => dialog.Instance.OnFilesAdded([new PickedFile(1, "Opening night.mp4", 4000), new PickedFile(2, "notes.txt", 100)]));
        Providers.Find("[data-testid=upload-start]").Click();
        await dialog.InvokeAsync(() => dialog.Instance.OnProgress(1, 1000));
        await dialog.InvokeAsync(() => dialog.Instance.OnFinished(2, null, "notes.txt is not audio or video."));

        Assert.Equal(["Opening night", "notes"], dialog.Instance.Items.Select(i => i.Title));
        Assert.Equal("1000 B of 3.9 KB (25%)", Providers.FindAll("[data-testid=upload-progress]")[0].TextContent);
        Assert.Equal("notes.txt is not audio or video.", Providers.Find("[data-testid=upload-refused]").TextContent.Trim());
        Assert.Single(Providers.FindAll("[data-testid=upload-cancel]"));
        Assert.Equal(2, JSInterop.Invocations["mediaAdminUpload.start"].Count);
        Assert.Equal("Opening night", JSInterop.Invocations["mediaAdminUpload.start"][0].Arguments[1]);
    }

    [Fact]
    public async Task A_file_whose_bytes_are_all_sent_offers_no_cancel_and_says_the_asset_is_being_created()
    {
        var editor = await App.CreateUserAsync(RoleNames.Editor);
        var page = RenderLibraryAs(editor);
        page.WaitForAssertion(() => page.Find("[data-testid=upload-open]").Click());
        var dialog = Providers.FindComponent<UploadDialog>();
        await dialog.InvokeAsync(() => dialog.Instance.OnFilesAdded([new PickedFile(1, "Harbour.mp4", 4000)]));
        Providers.Find("[data-testid=upload-start]").Click();

        await dialog.InvokeAsync(() => dialog.Instance.OnProgress(1, 4000));

        Assert.Empty(Providers.FindAll("[data-testid=upload-cancel]"));
        Assert.Equal("Creating the asset…", Providers.Find("[data-testid=upload-finishing]").TextContent.Trim());
    }

    private IRenderedComponent<MudDialogProvider> Providers { get; set; } = null!;

    private IRenderedComponent<LibraryPage> RenderLibraryAs(Core.Accounts.MediaUser user)
    {
        SignInWith(user, typeof(LibraryQueryService), typeof(VideoDeletionService), typeof(FileRemovalProgressService), typeof(DeletionPreviewService), typeof(DeletionNotifier),
            typeof(PermissionService), typeof(IOptions<CdnOptions>), typeof(Core.Ingest.IngestProgressService));
        Providers = RenderProviders();
        return Render<LibraryPage>();
    }
}
