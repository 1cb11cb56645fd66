using MediaAdmin.Core.Audit;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Core.Library;
using MediaAdmin.Web.Components.Dialogs;
using Microsoft.JSInterop;
using MudBlazor;

namespace MediaAdmin.Web.Components.Pages.Library;

/// <summary>The library page's selection and deletion: pick up to 20, copy their IDs, confirm, delete, retry, and follow deletions made elsewhere.</summary>
public sealed partial class LibraryPage
{
    private void Select(LibraryRow row)
    {
        SelectionRefusal = _selection.TryAdd(new SelectedAsset(row.Id, row.Title, row.CanDelete, row.DeleteDeniedReason)).Error;
        if (SelectionRefusal is not null)
        {
            _refusals++;
            Snackbar.Add(SelectionRefusal, Severity.Warning);
        }
    }

    private void Unselect(string id)
    {
        _selection.Remove(id);
        SelectionRefusal = null;
    }

    private void ClearSelection()
    {
        _selection.Clear();
        SelectionRefusal = null;
    }

    private Task CopyIdAsync(string id) => CopyAsync(id, $"Copied {id}");

    private Task CopySelectedIdsAsync() => CopyAsync(_selection.ToVideoIds(), $"Copied {_selection.Count} IDs");

    private async Task CopyAsync(string text, string confirmation)
    {
        var copied = await JS.InvokeAsync<bool>("mediaAdmin.copyText", text);
        Snackbar.Add(copied ? confirmation : "The browser refused the clipboard.", copied ? Severity.Normal : Severity.Warning);
    }

    private async Task DeleteSelectedAsync()
    {
        if (_deleting || _selection.Count == 0 || DeleteRefusal is not null)
        {
            return;
        }

        // What the user confirms is what is sent, even if a colleague's deletion changes the selection meanwhile.
        await ConfirmAndDeleteAsync(_selection.Items.Select(i => i.Id).ToList(), _selection.ToVideoIds());
    }

    /// <summary>The drawer's Delete: the same confirmation and deletion as "Delete selected", for the one asset shown.</summary>
    private async Task DeleteFromDrawerAsync(AssetPreview asset)
    {
        if (_deleting || DeleteRefusal is not null)
        {
            return;
        }

        if (await ConfirmAndDeleteAsync([asset.Asset.Id], asset.Asset.Id))
        {
            _drawerAssetId = null;
        }
    }

    /// <summary>Shows the confirmation for <paramref name="ids"/>, then deletes them; false when the user cancels.</summary>
    private async Task<bool> ConfirmAndDeleteAsync(IReadOnlyList<string> ids, string videoIds)
    {
        var preview = await Previews.PreviewAsync(_userId, ids);
        var parameters = new DialogParameters<ConfirmDeleteDialog> { { d => d.Preview, preview } };
        var options = new DialogOptions { CloseOnEscapeKey = true, MaxWidth = MaxWidth.Medium, FullWidth = true };
        var dialog = await Dialogs.ShowAsync<ConfirmDeleteDialog>("Delete assets", parameters, options);
        var answer = await dialog.Result;
        if (answer is null || answer.Canceled)
        {
            return false;
        }

        await RunDeletionAsync(videoIds);
        return true;
    }

    private Task RetryAsync() => _lastVideoIds is null ? Task.CompletedTask : RunDeletionAsync(_lastVideoIds);

    private async Task RunDeletionAsync(string videoIds)
    {
        if (_deleting)
        {
            return;
        }

        _deleting = true;
        try
        {
            var result = await Deletion.DeleteAsync(new DeletionCaller(_userId, DeletionChannel.Console), videoIds);
            _result = result;
            _lastVideoIds = videoIds;
            if (result.Error is null || result.Error.Code == DeletionError.InvalidVideoNotFound.Code)
            {
                // Forbidden ones stay selected, so the user sees what is left.
                _selection.RemoveAll(result.Deleted.Select(d => d.VideoId).Concat(result.NonExistent));
            }

            await ReloadAsync();
        }
        finally
        {
            _deleting = false;
        }
    }

    private void OnDeletedElsewhere(AssetsDeleted deleted)
    {
        _ = InvokeAsync(async () =>
        {
            var dropped = _selection.RemoveAll(deleted.VideoIds);
            if (dropped.Count > 0 && !_deleting)
            {
                Snackbar.Add(
                    $"{deleted.DeletedBy} deleted {string.Join(", ", dropped.Select(d => d.Title))}; removed from your selection.",
                    Severity.Info,
                    config => config.VisibleStateDuration = 8000);
            }

            await ReloadAsync();
        });
    }
}
