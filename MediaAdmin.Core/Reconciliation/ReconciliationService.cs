using MediaAdmin.Core.Data;
using MediaAdmin.Core.Permissions;
using MediaAdmin.Core.Results;
using MediaAdmin.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Reconciliation;

/// <summary>
/// Compares storage with the database: files nothing accounts for (orphans) and live assets whose files are gone.
/// Runs are started by administrators (from the console or the command line), one at a time across every instance,
/// and carried out in the background page by page; each run is its own audit record.
/// </summary>
public sealed class ReconciliationService
{
    private const int RecentRuns = 10;

    private static readonly Problem NotAllowed = Problem.Forbidden("Only administrators with the 'Manage accounts' permission may reconcile storage.");

    private readonly IDbContextFactory<MediaDbContext> _dbFactory;
    private readonly PermissionService _permissions;
    private readonly IMediaStorage _storage;
    private readonly ReconciliationRunner _runner;
    private readonly ReconciliationSignal _signal;
    private readonly IOptions<ReconciliationOptions> _options;
    private readonly TimeProvider _clock;

    internal ReconciliationService(
        IDbContextFactory<MediaDbContext> dbFactory,
        PermissionService permissions,
        IMediaStorage storage,
        ReconciliationRunner runner,
        ReconciliationSignal signal,
        IOptions<ReconciliationOptions> options,
        TimeProvider clock)
    {
        _dbFactory = dbFactory;
        _permissions = permissions;
        _storage = storage;
        _runner = runner;
        _signal = signal;
        _options = options;
        _clock = clock;
    }

    /// <summary>Starts a run that this console's background worker carries out; refused while another run is unfinished.</summary>
    public async Task<Result<ReconciliationSummary>> StartAsync(string userId, bool fix, CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var who = await _permissions.GetAsync(db, userId, cancellationToken);
        if (!who.Has(PermissionNames.ManageAccounts))
        {
            return NotAllowed;
        }

        var started = await CreateRunAsync(db, userId, who.UserName, fix, leasedFor: TimeSpan.Zero, cancellationToken);
        if (started.IsSuccess)
        {
            _signal.RunStarted();
        }

        return started;
    }

    /// <summary>
    /// For the command line, which speaks for whoever runs the machine: runs here to the end, reporting each page.
    /// An unfinished run no process holds any more (the console is down) is carried on instead of starting a new one.
    /// </summary>
    public async Task<Result<ReconciliationSummary>> RunFromCommandLineAsync(
        bool fix, string runBy, IProgress<ReconciliationSummary> progress, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(progress);
        var run = await _runner.ClaimAsync(cancellationToken);
        if (run is null)
        {
            await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
            var created = await CreateRunAsync(db, null, runBy, fix, _options.Value.RunLease, cancellationToken);
            if (!created.TryGetValue(out var summary))
            {
                return created;
            }

            progress.Report(summary);
            return await _runner.RunAsync(summary.Id, progress, cancellationToken);
        }

        progress.Report(ReconciliationSummary.From(run));
        return await _runner.RunAsync(run.Id, progress, cancellationToken);
    }

    /// <summary>The run in progress, the latest runs, newest first, and the grace period.</summary>
    public async Task<Result<ReconciliationOverview>> GetOverviewAsync(string userId, CancellationToken cancellationToken = default)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        if (!(await _permissions.GetAsync(db, userId, cancellationToken)).Has(PermissionNames.ManageAccounts))
        {
            return NotAllowed;
        }

        var recent = await db.ReconciliationRuns.AsNoTracking().OrderByDescending(r => r.Id).Take(RecentRuns).ToListAsync(cancellationToken);
        var summaries = recent.Select(ReconciliationSummary.From).ToList();
        return new ReconciliationOverview(summaries.FirstOrDefault(s => s.State == ReconciliationState.Running), summaries, _options.Value.OrphanGracePeriod);
    }

    /// <summary>A page (from 0) of a run's orphans or missing files, in the order they were found.</summary>
    public async Task<Result<FindingsPage>> GetFindingsAsync(
        string userId, long runId, FindingKind kind, int page, int pageSize, CancellationToken cancellationToken = default)
    {
        if (page < 0 || pageSize is < 1 or > 500)
        {
            return Problem.Invalid("A page of findings is numbered from 0 and holds 1 to 500 lines.");
        }

        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        if (!(await _permissions.GetAsync(db, userId, cancellationToken)).Has(PermissionNames.ManageAccounts))
        {
            return NotAllowed;
        }

        if (!await db.ReconciliationRuns.AnyAsync(r => r.Id == runId, cancellationToken))
        {
            return Problem.NotFound($"There is no reconciliation run {runId}.");
        }

        var findings = db.ReconciliationFindings.AsNoTracking().Where(f => f.RunId == runId && f.Kind == kind);
        var lines = await findings.OrderBy(f => f.Id).Skip(page * pageSize).Take(pageSize)
            .Select(f => new FindingLine(f.StorageKey, f.AssetId, f.LastModifiedUtc, f.Outcome, f.Error))
            .ToListAsync(cancellationToken);
        return new FindingsPage(lines, await findings.LongCountAsync(cancellationToken));
    }

    private async Task<Result<ReconciliationSummary>> CreateRunAsync(
        MediaDbContext db, string? userId, string runBy, bool fix, TimeSpan leasedFor, CancellationToken cancellationToken)
    {
        if (fix && StoredFileAges.For(_storage) is null)
        {
            return Problem.Invalid("This storage cannot tell when its files were written, so a fix could not keep to Reconcile:OrphanGracePeriod; only a dry run is possible.");
        }

        if (await UnfinishedAsync(db, cancellationToken) is { } busy)
        {
            return busy;
        }

        var now = _clock.GetUtcNow().UtcDateTime;
        var run = new ReconciliationRun
        {
            UserId = userId,
            RunBy = runBy.Length <= ReconciliationRun.RunByMaxLength ? runBy : runBy[..ReconciliationRun.RunByMaxLength],
            Fix = fix,
            State = ReconciliationState.Running,
            Phase = ReconciliationPhase.Storage,
            Unfinished = true,
            LeasedUntilUtc = now + leasedFor,
            FilesAtStart = await db.MediaFiles.Where(f => db.MediaAssets.Any(a => a.Id == f.AssetId)).LongCountAsync(cancellationToken),
            StartedAtUtc = now,
            UpdatedAtUtc = now,
        };
        db.ReconciliationRuns.Add(run);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Another administrator or instance started one between the check and this insert: the unique index refused it.
            db.ChangeTracker.Clear();
            return await UnfinishedAsync(db, cancellationToken) ?? throw new InvalidOperationException("A reconciliation run could not be recorded.");
        }

        return ReconciliationSummary.From(run);
    }

    private static async Task<Problem?> UnfinishedAsync(MediaDbContext db, CancellationToken cancellationToken)
    {
        var running = await db.ReconciliationRuns.AsNoTracking().FirstOrDefaultAsync(r => r.Unfinished == true, cancellationToken);
        return running is null
            ? null
            : Problem.Conflict($"Reconciliation run {running.Id} ({(running.Fix ? "fix" : "dry run")}, started by {running.RunBy} at {running.StartedAtUtc:u}) is still in progress; one run at a time.");
    }
}
