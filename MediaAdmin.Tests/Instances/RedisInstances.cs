using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Instances;

/// <summary>Two instances that also share a Redis.</summary>
public sealed class RedisInstances() : TwoInstances(new RedisServer());
