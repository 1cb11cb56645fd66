using MediaAdmin.Tests.Support;

namespace MediaAdmin.Tests.Instances;

[Collection(BrowserTestGroup.Name)]
public sealed class TwoInstancesOnOneDatabaseTests(DatabaseOnlyInstances instances) : TwoInstanceTests<DatabaseOnlyInstances>(instances);
