using MediaAdmin.Core.Cdn.Purge;
using MediaAdmin.Core.Results;
using MediaAdmin.Web.Components.Shared;
using MudBlazor;

namespace MediaAdmin.Web.Components.Pages.Cdn;

/// <summary>How the answer to Refresh now reads: what was queued, and each deletion left alone with Core's reason.</summary>
public static class CdnRefreshSnackbar
{
    public static void ReportRefresh(this ISnackbar snackbar, Result<CdnRefreshRequested> requested)
    {
        ArgumentNullException.ThrowIfNull(snackbar);
        snackbar.Report(requested, conflictSeverity: Severity.Warning);
        if (!requested.TryGetValue(out var answer))
        {
            return;
        }

        if (answer.Queued.Count > 0)
        {
            snackbar.Add(answer.Queued.Count == 1 ? "Purge queued." : $"{answer.Queued.Count} purges queued.", Severity.Success);
        }

        foreach (var skipped in answer.Skipped)
        {
            snackbar.Add($"{skipped.RequestId}: {skipped.Reason}", Severity.Info);
        }
    }
}
