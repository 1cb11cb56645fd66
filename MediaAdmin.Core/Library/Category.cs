namespace MediaAdmin.Core.Library;

public sealed class Category
{
    public const int NameMaxLength = 64;

    /// <summary>Numeric, as Alibaba's CateId.</summary>
    public long Id { get; set; }

    public required string Name { get; set; }
}
