using System.Security.Claims;
using MediaAdmin.Core.Library;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.JSInterop;

namespace MediaAdmin.Web.Components.Pages.Library;

/// <summary>One asset beside the library: its player, snapshots, files and metadata, and Delete through the library's own flow.</summary>
public sealed partial class AssetDrawer : IAsyncDisposable
{
    private AssetPreview? _preview;
    private string? _problem;
    private string? _shownId;
    private bool _attachPending;
    private ElementReference _media;
    private ElementReference _scrubber;
    private ElementReference _tile;
    private IJSObjectReference? _player;

    [Inject]
    private AssetPreviewService Previews { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [CascadingParameter]
    private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    /// <summary>The asset to show; the drawer is open while this is set.</summary>
    [Parameter]
    public string? AssetId { get; set; }

    [Parameter]
    public EventCallback OnClose { get; set; }

    /// <summary>Asks the page to delete the asset shown, through the same confirmation and deletion as "Delete selected".</summary>
    [Parameter]
    public EventCallback<AssetPreview> OnDelete { get; set; }

    private bool Open => AssetId is not null;

    protected override async Task OnParametersSetAsync()
    {
        if (AssetId == _shownId)
        {
            return;
        }

        _shownId = AssetId;
        _preview = null;
        _problem = null;
        if (AssetId is null)
        {
            await DetachAsync();
            return;
        }

        var userId = (await AuthenticationState).User.FindFirstValue(ClaimTypes.NameIdentifier) ?? string.Empty;
        var found = await Previews.GetAsync(userId, AssetId);
        _preview = found.IsSuccess ? found.Value : null;
        _problem = found.IsSuccess ? null : found.Problem.Message;
        _attachPending = found.IsSuccess;
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!_attachPending || _preview is not { } asset)
        {
            return;
        }

        _attachPending = false;
        _player ??= await JS.InvokeAsync<IJSObjectReference>("import", "./player.js");
        var spriteIndex = asset.SpriteIndex is null ? null : LocalUrl(asset.SpriteIndex);
        await _player.InvokeVoidAsync("attach", _media, LocalUrl(asset.HlsMaster), LocalUrl(asset.ProgressiveSource), _scrubber, _tile, spriteIndex);
    }

    private static string? LocalUrl(PreviewFile? file) => file?.ConsoleUrl;

    private static string KindTitle(MediaFileKind kind) => kind switch
    {
        MediaFileKind.Mezzanine => "Source",
        MediaFileKind.Stream => "Streams",
        _ => "Snapshots",
    };

    private async Task CloseAsync(bool open)
    {
        if (!open)
        {
            await DetachAsync();
            await OnClose.InvokeAsync();
        }
    }

    private async Task DeleteAsync()
    {
        if (_preview is { } asset)
        {
            await OnDelete.InvokeAsync(asset);
        }
    }

    private async Task DetachAsync()
    {
        if (_player is null)
        {
            return;
        }

        try
        {
            await _player.InvokeVoidAsync("detach", _media);
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the page with it.
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_player is not null)
        {
            try
            {
                await _player.InvokeVoidAsync("detach", _media);
                await _player.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // Closing the tab ends the circuit before the page is disposed; nothing is left to stop.
            }
        }
    }
}
