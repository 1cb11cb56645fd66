namespace MediaAdmin.Tests.Sources.Pair;

/// <summary>The test classes that share one <see cref="VodPairFixture"/>; they run one after another.</summary>
[CollectionDefinition(Name)]
public sealed class VodPairGroup : ICollectionFixture<VodPairFixture>
{
    public const string Name = "VOD pair";
}
