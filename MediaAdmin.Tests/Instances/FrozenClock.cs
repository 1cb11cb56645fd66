namespace MediaAdmin.Tests.Instances;

/// <summary>A clock stopped at one instant, for what must not depend on where a test falls on the wall clock.</summary>
public sealed class FrozenClock(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
