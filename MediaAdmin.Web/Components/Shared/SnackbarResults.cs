using MediaAdmin.Core.Results;
using MudBlazor;

namespace MediaAdmin.Web.Components.Shared;

/// <summary>The one way a Core service's answer becomes a message on a page.</summary>
public static class SnackbarResults
{
    /// <summary>Shows the result's problem, or <paramref name="success"/> when it was done and there is something to say.</summary>
    public static void Report<T>(this ISnackbar snackbar, Result<T> result, string? success = null, Severity conflictSeverity = Severity.Error)
    {
        ArgumentNullException.ThrowIfNull(snackbar);
        if (result.Problem is { } problem)
        {
            snackbar.Add(problem.Message, problem.Status == ResultStatus.Conflict ? conflictSeverity : Severity.Error);
        }
        else if (success is not null)
        {
            snackbar.Add(success, Severity.Success);
        }
    }
}
