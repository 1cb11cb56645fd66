namespace MediaAdmin.Tests.Instances;

/// <summary>Two instances sharing nothing but the database and the storage folder.</summary>
public sealed class DatabaseOnlyInstances() : TwoInstances(null);
