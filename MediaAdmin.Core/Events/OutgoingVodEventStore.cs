using MediaAdmin.Core.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Core.Events;

/// <summary>A callback a sender took for one attempt: which row, which attempt, and the body to send.</summary>
internal sealed record ClaimedVodEvent(long Id, int Attempt, string EventType, string? VideoId, string Body);

/// <summary>
/// The outbox's reads and writes. Taking a row is one conditional UPDATE that counts the attempt and leases the
/// row until the attempt must have ended, so two senders (in one process or several) never send the same attempt,
/// and a row whose sender died is taken again once its lease runs out.
/// </summary>
internal sealed class OutgoingVodEventStore(IDbContextFactory<MediaDbContext> dbFactory, IOptions<EventsOptions> options, TimeProvider clock)
{
    private static readonly TimeSpan LeaseMargin = TimeSpan.FromSeconds(30);

    public async Task<IReadOnlyList<ClaimedVodEvent>> ClaimDueAsync(int batchSize, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = Now();

        // A third attempt whose lease ran out: its sender stopped before learning the answer, and none is left.
        await Pending(db).Where(e => e.Attempts >= EventsOptions.MaxAttempts && e.NextAttemptAtUtc <= now).ExecuteUpdateAsync(
            set => set.SetProperty(e => e.AbandonedAtUtc, now)
                .SetProperty(e => e.LastError, "The instance sending the last attempt stopped before it was answered."),
            cancellationToken);

        var due = await Pending(db).Where(e => e.Attempts < EventsOptions.MaxAttempts && e.NextAttemptAtUtc <= now)
            .OrderBy(e => e.Id)
            .Take(batchSize)
            .Select(e => new { e.Id, e.Attempts, e.EventType, e.VideoId, e.Body })
            .ToListAsync(cancellationToken);

        var leasedUntil = now + options.Value.AttemptTimeout + LeaseMargin;
        var claimed = new List<ClaimedVodEvent>(due.Count);
        foreach (var row in due)
        {
            var taken = await Pending(db).Where(e => e.Id == row.Id && e.Attempts == row.Attempts && e.NextAttemptAtUtc <= now).ExecuteUpdateAsync(
                set => set.SetProperty(e => e.Attempts, e => e.Attempts + 1).SetProperty(e => e.NextAttemptAtUtc, leasedUntil),
                cancellationToken);
            if (taken == 1)
            {
                claimed.Add(new ClaimedVodEvent(row.Id, row.Attempts + 1, row.EventType, row.VideoId, row.Body));
            }
        }

        return claimed;
    }

    public async Task MarkSentAsync(ClaimedVodEvent claimed)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = Now();
        await Attempt(db, claimed).ExecuteUpdateAsync(
            set => set.SetProperty(e => e.SentAtUtc, now).SetProperty(e => e.LastError, (string?)null),
            CancellationToken.None);
    }

    /// <summary>Due again after <c>Events:RetryDelay</c> (Alibaba retries 1 second apart, twice), or given up after the third.</summary>
    public async Task MarkFailedAsync(ClaimedVodEvent claimed, string error)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = Now();
        var text = error.Length <= OutgoingVodEvent.ErrorMaxLength ? error : error[..OutgoingVodEvent.ErrorMaxLength];
        if (claimed.Attempt >= EventsOptions.MaxAttempts)
        {
            await Attempt(db, claimed).ExecuteUpdateAsync(
                set => set.SetProperty(e => e.AbandonedAtUtc, now).SetProperty(e => e.LastError, text),
                CancellationToken.None);
            return;
        }

        var retryAt = now + options.Value.RetryDelay;
        await Attempt(db, claimed).ExecuteUpdateAsync(
            set => set.SetProperty(e => e.NextAttemptAtUtc, retryAt).SetProperty(e => e.LastError, text),
            CancellationToken.None);
    }

    /// <summary>Hands back an attempt a shutdown cut off without counting it: a clean stop is not the receiver's failure.</summary>
    public async Task ReleaseAsync(ClaimedVodEvent claimed)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = Now();
        await Attempt(db, claimed).ExecuteUpdateAsync(
            set => set.SetProperty(e => e.Attempts, e => e.Attempts - 1).SetProperty(e => e.NextAttemptAtUtc, now),
            CancellationToken.None);
    }

    private static IQueryable<OutgoingVodEvent> Pending(MediaDbContext db) =>
        db.OutgoingVodEvents.Where(e => e.SentAtUtc == null && e.AbandonedAtUtc == null);

    /// <summary>The row as this attempt left it; a row another sender took over after a lost lease is not touched.</summary>
    private static IQueryable<OutgoingVodEvent> Attempt(MediaDbContext db, ClaimedVodEvent claimed) =>
        Pending(db).Where(e => e.Id == claimed.Id && e.Attempts == claimed.Attempt);

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
