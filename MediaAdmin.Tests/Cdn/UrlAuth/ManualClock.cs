namespace MediaAdmin.Tests.Cdn.UrlAuth;

/// <summary>A clock the test moves: expiry is reached by advancing it, never by sleeping.</summary>
public sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
