using Bunit;
using MediaAdmin.Core.Deletion;
using MediaAdmin.Web.Components.Dialogs;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace MediaAdmin.Tests.Components;

public sealed class ConfirmDeleteDialogTests : ConsoleComponentTest
{
    private const string NotYours = "You can delete only assets you own; this one belongs to Eli.";

    private static readonly DeletionPreviewItem Own = new("a1", "Own clip", 1, 4, 6, 2048, null);
    private static readonly DeletionPreviewItem OwnToo = new("a2", "Own interview", 1, 2, 3, 1024, null);
    private static readonly DeletionPreviewItem Theirs = new("b2", "Their clip", 1, 2, 2, 999, NotYours);
    private static readonly DeletionPreviewItem TheirsToo = new("b3", "Their trailer", 1, 1, 1, 10, NotYours);

    [Fact]
    public async Task The_dialog_lists_what_goes_what_is_kept_and_what_is_gone_with_totals()
    {
        var (provider, _) = await OpenAsync(new DeletionPreview([Own, Theirs], ["c3"]));

        Assert.Equal("Delete 1 asset for good?", provider.Find("[data-testid=confirm-headline]").TextContent.Trim());
        Assert.Equal("11 files (1 mezzanine, 4 streams, 6 snapshots), 2 KB will be removed.", provider.Find("[data-testid=delete-totals]").TextContent.Trim());
        Assert.Contains("cannot be undone", provider.Find("[data-testid=cannot-be-undone]").TextContent, StringComparison.Ordinal);
        Assert.Equal(["Own clip"], provider.FindAll("[data-testid=confirm-item] td:first-child").Select(e => e.TextContent));
        Assert.Equal($"Their clip b2: {NotYours}", provider.Find("[data-testid=confirm-kept]").TextContent.Trim());
        Assert.Equal("c3", provider.Find("[data-testid=confirm-missing]").TextContent.Trim());
    }

    [Fact]
    public async Task When_some_may_be_deleted_the_button_says_how_many_and_the_others_will_be_kept()
    {
        var (provider, _) = await OpenAsync(new DeletionPreview([Own, Theirs, OwnToo, TheirsToo], []));

        Assert.Equal("Delete 2 permanently", provider.Find("[data-testid=confirm-delete]").TextContent.Trim());
        Assert.Equal("Delete 2 assets for good?", provider.Find("[data-testid=confirm-headline]").TextContent.Trim());
        Assert.Equal("Will be kept (2)", provider.Find("[data-testid=kept-heading]").TextContent.Trim());
        Assert.Equal(["Their clip", "Their trailer"], provider.FindAll("[data-testid=confirm-kept] b").Select(e => e.TextContent));
        Assert.Equal(["Own clip", "Own interview"], provider.FindAll("[data-testid=confirm-item] td:first-child").Select(e => e.TextContent));
    }

    [Fact]
    public async Task When_nothing_may_be_deleted_it_says_so_with_each_reason_and_offers_only_close()
    {
        var (provider, dialog) = await OpenAsync(new DeletionPreview([Theirs, TheirsToo], ["c3"]));

        Assert.Equal("None of the selected assets can be deleted", provider.Find("[data-testid=confirm-headline]").TextContent.Trim());
        Assert.Equal([NotYours, NotYours], provider.FindAll("[data-testid=confirm-not-allowed]").Select(e => e.TextContent));
        Assert.Empty(provider.FindAll("[data-testid=confirm-delete]"));
        Assert.Empty(provider.FindAll("[data-testid=cannot-be-undone]"));
        Assert.Equal(["Close"], provider.FindAll(".mud-dialog-actions button").Select(b => b.TextContent.Trim()));

        provider.Find("[data-testid=cancel-delete]").Click();

        Assert.True((await dialog.Result)!.Canceled);
    }

    [Fact]
    public async Task Confirming_twice_answers_once()
    {
        var recorder = new RecordingDialogInstance();
        var provider = RenderProviders();
        var parameters = new DialogParameters { [nameof(RecordingHost.Recorder)] = recorder, [nameof(RecordingHost.Preview)] = new DeletionPreview([Own], []) };
        await provider.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<RecordingHost>("Delete", parameters));
        var button = provider.Find("[data-testid=confirm-delete]");

        // Both clicks leave before the first one's render lands, as a double click on a slow circuit does.
        await Task.WhenAll(button.ClickAsync(new()), button.ClickAsync(new()));

        var answer = Assert.Single(recorder.Answers);
        Assert.False(answer.Canceled);
        Assert.Equal(true, answer.Data);
    }

    [Fact]
    public async Task Cancel_answers_canceled()
    {
        var (provider, dialog) = await OpenAsync(new DeletionPreview([Own], []));

        provider.Find("[data-testid=cancel-delete]").Click();

        Assert.True((await dialog.Result)!.Canceled);
    }

    private async Task<(IRenderedComponent<MudDialogProvider> Provider, IDialogReference Dialog)> OpenAsync(DeletionPreview preview)
    {
        var provider = RenderProviders();
        var dialogs = Services.GetRequiredService<IDialogService>();
        IDialogReference? dialog = null;
        await provider.InvokeAsync(async () =>
            dialog = await dialogs.ShowAsync<ConfirmDeleteDialog>("Delete", new DialogParameters<ConfirmDeleteDialog> { { d => d.Preview, preview } }));
        return (provider, dialog!);
    }

    /// <summary>
    /// Shows the dialog inside MudBlazor's real container, but hands it <see cref="Recorder"/> as its instance: MudDialog
    /// still finds the container (it asks for MudBlazor's internal interface), the confirmation only the recorder.
    /// </summary>
    private sealed class RecordingHost : ComponentBase
    {
        [Parameter]
        public RecordingDialogInstance Recorder { get; set; } = default!;

        [Parameter]
        public DeletionPreview Preview { get; set; } = default!;

        protected override void BuildRenderTree(RenderTreeBuilder builder)
        {
            builder.OpenComponent<CascadingValue<IMudDialogInstance>>(0);
            builder.AddComponentParameter(1, nameof(CascadingValue<IMudDialogInstance>.Value), Recorder);
            builder.AddComponentParameter(2, nameof(CascadingValue<IMudDialogInstance>.IsFixed), true);
            builder.AddComponentParameter(3, nameof(CascadingValue<IMudDialogInstance>.ChildContent), (RenderFragment)(content =>
            {
                content.OpenComponent<ConfirmDeleteDialog>(0);
                content.AddComponentParameter(1, nameof(ConfirmDeleteDialog.Preview), Preview);
                content.CloseComponent();
            }));
            builder.CloseComponent();
        }
    }

    /// <summary>A dialog instance that stays open and records every answer, so a second one cannot hide behind the first.</summary>
    private sealed class RecordingDialogInstance : IMudDialogInstance
    {
        public List<DialogResult> Answers { get; } = [];

        public Guid Id { get; } = Guid.NewGuid();

        public string ElementId => "counting-dialog";

        public DialogOptions Options { get; } = new();

        public string? Title => "Delete";

        public Task SetOptionsAsync(DialogOptions options) => Task.CompletedTask;

        public Task SetTitleAsync(string? title) => Task.CompletedTask;

        public void Close() => Answers.Add(DialogResult.Ok(true));

        public void Close(DialogResult dialogResult) => Answers.Add(dialogResult);

        public void Close<T>(T returnValue) => Answers.Add(DialogResult.Ok(returnValue));

        public void Cancel() => Answers.Add(DialogResult.Cancel());

        public void CancelAll() => Answers.Add(DialogResult.Cancel());

        public void StateHasChanged()
        {
        }
    }
}
