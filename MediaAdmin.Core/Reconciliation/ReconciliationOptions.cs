using System.ComponentModel.DataAnnotations;

namespace MediaAdmin.Core.Reconciliation;

/// <summary>Settings of the storage-against-database reconciliation (section "Reconcile").</summary>
public sealed class ReconciliationOptions
{
    public const string Section = "Reconcile";

    /// <summary>
    /// A fix removes only orphans last written longer ago than this, so a file an upload or ingest is writing
    /// right now (stored before its row commits) is never touched.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "30.00:00:00", ErrorMessage = "Reconcile:OrphanGracePeriod must be between 0 and 30 days.")]
    public TimeSpan OrphanGracePeriod { get; set; } = TimeSpan.FromHours(1);

    /// <summary>Storage keys, and file rows, compared per database query.</summary>
    [Range(1, 5000, ErrorMessage = "Reconcile:PageSize must be between 1 and 5000.")]
    public int PageSize { get; set; } = 500;

    /// <summary>How long a process holds a run without renewing it; a run whose process died is taken over after this.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00", ErrorMessage = "Reconcile:RunLease must be between 1 second and 1 hour.")]
    public TimeSpan RunLease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the console looks for an unfinished run to carry on (one another instance left, or a restart).</summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:10:00", ErrorMessage = "Reconcile:WorkerPollInterval must be between 50 milliseconds and 10 minutes.")]
    public TimeSpan WorkerPollInterval { get; set; } = TimeSpan.FromSeconds(5);
}
