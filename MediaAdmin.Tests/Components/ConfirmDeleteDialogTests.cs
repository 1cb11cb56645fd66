using Bunit;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Web.Components.Dialogs;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace MediaAdmin.Tests.Components;

public sealed class ConfirmDeleteDialogTests : ConsoleComponentTest
{
    private static readonly DeletionPreview Preview = new(
        [
            new DeletionPreviewItem("a1", "Own clip", 1, 4, 6, 2048, null),
            new DeletionPreviewItem("b2", "Their clip", 1, 2, 2, 999, "You can delete only assets you own."),
        ],
        ["c3"]);

    [Fact]
    public async Task The_dialog_lists_what_goes_what_may_not_and_what_is_gone_with_totals()
    {
        var (provider, _) = await OpenAsync();

        Assert.Contains("Delete 1 asset for good?", provider.Markup, StringComparison.Ordinal);
        Assert.Contains("11 files (1 mezzanine, 4 streams, 6 snapshots), 2 KB will be removed.", provider.Find("[data-testid=delete-totals]").TextContent, StringComparison.Ordinal);
        Assert.Contains("cannot be undone", provider.Find("[data-testid=cannot-be-undone]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Not allowed: You can delete only assets you own.", provider.Find("[data-testid=confirm-not-allowed]").TextContent, StringComparison.Ordinal);
        Assert.Contains("c3", provider.Find("[data-testid=confirm-missing]").TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Confirming_twice_answers_once()
    {
        var (provider, dialog) = await OpenAsync();
        var button = provider.Find("[data-testid=confirm-delete]");

        await button.ClickAsync(new());
        var result = await dialog.Result;

        Assert.False(result!.Canceled);
        Assert.Equal(true, result.Data);
        Assert.Empty(provider.FindAll("[data-testid=confirm-delete]"));
    }

    [Fact]
    public async Task Cancel_answers_canceled()
    {
        var (provider, dialog) = await OpenAsync();

        provider.Find("[data-testid=cancel-delete]").Click();

        Assert.True((await dialog.Result)!.Canceled);
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> OpenAsync()
    {
        Render<MudPopoverProvider>();
        var provider = Render<MudDialogProvider>();
        var dialogs = Services.GetRequiredService<IDialogService>();
        IDialogReference? dialog = null;
        await provider.InvokeAsync(async () =>
            dialog = await dialogs.ShowAsync<ConfirmDeleteDialog>("Delete", new DialogParameters<ConfirmDeleteDialog> { { d => d.Preview, Preview } }));
        return (provider, dialog!);
    }
}
