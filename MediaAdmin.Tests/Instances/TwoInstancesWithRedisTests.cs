using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Instances;

[Collection(BrowserTestGroup.Name)]
public sealed class TwoInstancesWithRedisTests(RedisInstances instances) : TwoInstanceTests<RedisInstances>(instances);
