using MediaAdmin.Web.Components.Dialogs;
using MudBlazor;

namespace MediaAdmin.Web.Components.Pages.Library;

/// <summary>Uploading from the library page, and rows that follow their ingest live.</summary>
public sealed partial class LibraryPage
{
    private async Task OpenUploadAsync()
    {
        var parameters = new DialogParameters<UploadDialog> { { d => d.Categories, _categories } };
        var options = new DialogOptions { CloseOnEscapeKey = false, BackdropClick = false, MaxWidth = MaxWidth.Medium, FullWidth = true };
        var dialog = await Dialogs.ShowAsync<UploadDialog>("Upload media", parameters, options);
        if (await dialog.Result is { Canceled: false, Data: > 0 })
        {
            await ReloadAsync();
        }
    }

    /// <summary>Shows fresh progress; a row that reached Normal or failed is reloaded, for its size, duration and thumbnail.</summary>
    private Task OnIngestProgressAsync(bool someLeftFlight) => InvokeAsync(async () =>
    {
        if (someLeftFlight)
        {
            await ReloadAsync();
        }

        StateHasChanged();
    });
}
