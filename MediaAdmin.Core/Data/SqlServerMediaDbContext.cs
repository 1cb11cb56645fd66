using MediaAdmin.Core.Library;
using Microsoft.EntityFrameworkCore;

namespace MediaAdmin.Core.Data;

/// <summary>SQL Server, chosen with Database:Provider = SqlServer.</summary>
public sealed class SqlServerMediaDbContext(DbContextOptions<SqlServerMediaDbContext> options) : MediaDbContext(options)
{
    private protected override string DeleteAssetsReturningIdsSql(string parameterList) =>
        $"DELETE FROM [MediaAssets] OUTPUT DELETED.[Id] AS [Value] WHERE [Id] IN ({parameterList})";

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<MediaFile>()
            .HasIndex(f => f.AssetId, "IX_MediaFiles_OneMezzaninePerAsset")
            .IsUnique()
            .HasFilter("[Kind] = 0");
    }
}
