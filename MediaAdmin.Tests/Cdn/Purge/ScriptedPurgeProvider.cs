using System.Collections.Concurrent;
using MediaAdmin.Core.Cdn.Purge;

namespace MediaAdmin.Tests.Cdn.Purge;

/// <summary>A provider whose answers the test scripts: for the states an asynchronous CDN with quotas and tasks leads to.</summary>
public sealed class ScriptedPurgeProvider : ICdnPurgeProvider
{
    public Func<CdnPurgeBatch, CdnPurgeSubmission> Submit { get; set; } = batch => AcceptAll(batch);

    public Func<IReadOnlyList<string>, CdnPurgeTaskCheck> Check { get; set; } =
        ids => new CdnPurgeTaskCheck(ids.Select(id => new CdnPurgeTaskState(id, CdnPurgeTaskStatus.Complete)).ToList());

    public ConcurrentQueue<CdnPurgeBatch> Batches { get; } = new();

    public int Checks => _checks;

    private int _checks;

    public static CdnPurgeSubmission AcceptAll(CdnPurgeBatch batch, params string[] taskIds) =>
        new(batch.Assets.Select(a => new CdnPurgeUrlOutcome(a.FolderUrl, true)).ToList(), taskIds);

    Task<CdnPurgeSubmission> ICdnPurgeProvider.SubmitAsync(CdnPurgeBatch batch, CancellationToken cancellationToken)
    {
        Batches.Enqueue(batch);
        return Task.FromResult(Submit(batch));
    }

    Task<CdnPurgeTaskCheck> ICdnPurgeProvider.CheckTasksAsync(IReadOnlyList<string> taskIds, CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _checks);
        return Task.FromResult(Check(taskIds));
    }

    Task<CdnPurgeQuota> ICdnPurgeProvider.GetQuotaAsync(CancellationToken cancellationToken) =>
        Task.FromResult(new CdnPurgeQuota(true, 1990, 100, 2000, 100));
}
