using MediaAdmin.Core.Cdn;
using MediaAdmin.Core.Cdn.Purge;
using MediaAdmin.Web.Components.Shared;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;

namespace MediaAdmin.Web.Components.Pages.Cdn;

/// <summary>
/// One deletion's reminder: its state, what the caller may do about it, and on demand every URL's result with the
/// provider's task IDs and quota. Every action goes to <see cref="CdnPurgeService"/>, which checks the caller again.
/// </summary>
public sealed partial class CdnPurgeCard
{
    private CdnPurgeDetail? _loadedDetail;
    private CdnPurgeSummary? _detailFor;
    private string? _detailProblem;
    private bool _expanded;
    private bool _busy;

    [Inject]
    private CdnPurgeQueries Queries { get; set; } = default!;

    [Inject]
    private CdnPurgeService Purges { get; set; } = default!;

    [Inject]
    private IOptions<CdnOptions> Cdn { get; set; } = default!;

    [Inject]
    private IJSRuntime JS { get; set; } = default!;

    [Inject]
    private ISnackbar Snackbar { get; set; } = default!;

    [Inject]
    private IDialogService Dialogs { get; set; } = default!;

    [Parameter, EditorRequired]
    public CdnPurgeSummary Summary { get; set; } = default!;

    [Parameter, EditorRequired]
    public string UserId { get; set; } = default!;

    [Parameter]
    public CdnPurgeProviderKind Provider { get; set; }

    /// <summary>The caller may Refresh now and Retry (a delete permission and a provider configured).</summary>
    [Parameter]
    public bool MayPurge { get; set; }

    /// <summary>The caller may close the reminder with a reason (a delete permission).</summary>
    [Parameter]
    public bool MayMarkDone { get; set; }

    /// <summary>The deletion in full when the parent already read it (the shareable reminder page); otherwise read when expanded.</summary>
    [Parameter]
    public CdnPurgeDetail? Detail { get; set; }

    [Parameter]
    public bool Expanded { get; set; }

    [Parameter]
    public bool Selected { get; set; }

    /// <summary>Set by a list that refreshes a selection; the checkbox shows only where Refresh now applies.</summary>
    [Parameter]
    public EventCallback<bool> SelectedChanged { get; set; }

    /// <summary>Called after an action here changed the deletion, so the parent reads it again.</summary>
    [Parameter]
    public EventCallback Changed { get; set; }

    private bool CanRefresh => MayPurge && Summary.IsOpen && Summary.State == CdnPurgeState.Pending;

    private string ReminderLink => CdnReminderPage.PathFor(Summary.RequestId);

    private string RefreshConsoleUrl => Cdn.Value.RefreshConsoleUrl;

    private CdnPurgeDetail? ShownDetail => Detail ?? _loadedDetail;

    private string ClosedText => Summary switch
    {
        { VerifiedAtUtc: { } verified } => $"Closed: verified on {Format.Time(verified)}, the edge no longer serves these URLs.",
        { DoneReason: { } reason } => $"Closed: marked done by {Summary.DoneBy} on {Format.Time(Summary.DoneAtUtc ?? default)}: {reason}",
        _ => $"Closed: marked refreshed by {Summary.DoneBy} on {Format.Time(Summary.DoneAtUtc ?? default)}.",
    };

    protected override void OnInitialized() => _expanded = Expanded;

    // A summary that moved (a live change) makes the URL results shown stale.
    protected override async Task OnParametersSetAsync()
    {
        if (_expanded && Detail is null && _detailFor != Summary)
        {
            await LoadDetailAsync();
        }
    }

    private static string QuotaText(CdnPurgeDetail detail) => detail switch
    {
        { QuotaError: { } error } => error,
        { Quota: { Limited: true } quota } =>
            $"Quota left today: {quota.UrlsLeft} of {quota.UrlsPerDay} URL refreshes, {quota.DirectoriesLeft} of {quota.DirectoriesPerDay} folder refreshes.",
        { Quota: not null } => "Quota: the edge takes as many purges as it is sent.",
        _ => "Quota: no purge provider is configured.",
    };

    private async Task ToggleAsync()
    {
        _expanded = !_expanded;
        if (_expanded && Detail is null)
        {
            await LoadDetailAsync();
        }
    }

    private async Task<CdnPurgeDetail?> LoadDetailAsync()
    {
        _detailFor = Summary;
        var detail = await Queries.DetailAsync(UserId, Summary.RequestId);
        _loadedDetail = detail.TryGetValue(out var found) ? found : null;
        _detailProblem = detail.Error;
        return _loadedDetail;
    }

    private async Task RefreshNowAsync() => await ActAsync(async () =>
    {
        Snackbar.ReportRefresh(await Purges.RefreshNowAsync(UserId, [Summary.RequestId]));
    });

    private async Task RetryAsync() => await ActAsync(async () => Snackbar.Report(await Purges.RetryAsync(UserId, Summary.RequestId), "Purge queued again."));

    private async Task MarkDoneAsync()
    {
        var parameters = new DialogParameters<CdnMarkDoneDialog> { { d => d.RequestId, Summary.RequestId }, { d => d.UserId, UserId } };
        var dialog = await Dialogs.ShowAsync<CdnMarkDoneDialog>("Mark done", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false })
        {
            Snackbar.Add("Marked done.", Severity.Success);
            await Changed.InvokeAsync();
        }
    }

    private async Task ActAsync(Func<Task> action)
    {
        if (_busy)
        {
            return;
        }

        _busy = true;
        try
        {
            await action();
            await Changed.InvokeAsync();
        }
        finally
        {
            _busy = false;
        }
    }

    private async Task<string?> UrlTextAsync()
    {
        var detail = ShownDetail ?? await LoadDetailAsync();
        return detail is null ? null : CdnUrlList.AsText(detail.Urls.Where(u => !u.IsFolder).Select(u => u.Url));
    }

    private async Task CopyAsync()
    {
        if (await UrlTextAsync() is not { } text)
        {
            Snackbar.Add(_detailProblem ?? "The URLs could not be read.", Severity.Error);
            return;
        }

        var copied = await JS.InvokeAsync<bool>("mediaAdmin.copyText", text);
        Snackbar.Add(copied ? "URLs copied." : "The browser refused the clipboard; use Download instead.", copied ? Severity.Success : Severity.Warning);
    }

    private async Task DownloadAsync()
    {
        if (await UrlTextAsync() is { } text)
        {
            await JS.InvokeVoidAsync("mediaAdmin.downloadText", $"cdn-refresh-{Summary.RequestId}.txt", text);
        }
        else
        {
            Snackbar.Add(_detailProblem ?? "The URLs could not be read.", Severity.Error);
        }
    }
}
