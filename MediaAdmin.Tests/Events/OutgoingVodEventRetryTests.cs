using MediaAdmin.Core.Data;
using MediaAdmin.Core.Events;
using MediaAdmin.Tests.Cdn.UrlAuth;
using MediaAdmin.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace MediaAdmin.Tests.Events;

/// <summary>The outbox's retry rule with the default settings, on a clock the test moves: Alibaba's 5-second wait and 1-second retries.</summary>
public sealed class OutgoingVodEventRetryTests : IAsyncLifetime
{
    private readonly TempFolder _folder = new();
    private readonly ManualClock _clock = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private CoreHost _host = null!;

    public async Task InitializeAsync() => _host = await CoreHost.StartAsync(_folder.Path);

    [Fact]
    public void By_default_an_attempt_waits_5_seconds_and_a_retry_follows_1_second_later_as_Alibaba_does()
    {
        var defaults = new EventsOptions();

        Assert.Equal((TimeSpan.FromSeconds(5), TimeSpan.FromSeconds(1)), (defaults.AttemptTimeout, defaults.RetryDelay));
    }

    [Fact]
    public async Task A_failed_callback_is_due_again_1_second_after_each_of_its_first_two_attempts_and_abandoned_after_the_third()
    {
        var store = new OutgoingVodEventStore(_host.Services.GetRequiredService<IDbContextFactory<MediaDbContext>>(), Options.Create(new EventsOptions()), _clock);
        var id = await AddPendingAsync();
        var dueAt = new List<TimeSpan>();

        for (var attempt = 1; attempt <= EventsOptions.MaxAttempts; attempt++)
        {
            var claimed = Assert.Single(await store.ClaimDueAsync(10, CancellationToken.None));
            Assert.Equal((id, attempt), (claimed.Id, claimed.Attempt));
            await store.MarkFailedAsync(claimed, "The receiver answered HTTP 500 Internal Server Error; only 200 counts as received.");
            var row = await RowAsync(id);
            if (attempt < EventsOptions.MaxAttempts)
            {
                dueAt.Add(row.NextAttemptAtUtc - _clock.GetUtcNow().UtcDateTime);
                Assert.Empty(await store.ClaimDueAsync(10, CancellationToken.None));
                _clock.Advance(TimeSpan.FromSeconds(1));
            }
            else
            {
                Assert.NotNull(row.AbandonedAtUtc);
            }
        }

        Assert.Equal([TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(1)], dueAt);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _folder.Dispose();
    }

    private async Task<long> AddPendingAsync()
    {
        await using var db = await _host.OpenDbAsync();
        var row = new OutgoingVodEvent
        {
            EventType = "DeleteMediaComplete",
            VideoId = RemoteVideos.NewId(),
            Body = "{}",
            CreatedAtUtc = _clock.GetUtcNow().UtcDateTime,
            NextAttemptAtUtc = _clock.GetUtcNow().UtcDateTime,
        };
        db.OutgoingVodEvents.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    private async Task<OutgoingVodEvent> RowAsync(long id)
    {
        await using var db = await _host.OpenDbAsync();
        return await db.OutgoingVodEvents.AsNoTracking().SingleAsync(e => e.Id == id);
    }
}
