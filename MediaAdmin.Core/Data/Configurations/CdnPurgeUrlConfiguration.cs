using MediaAdmin.Core.Cdn.Purge;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaAdmin.Core.Data.Configurations;

internal sealed class CdnPurgeUrlConfiguration : IEntityTypeConfiguration<CdnPurgeUrl>
{
    public void Configure(EntityTypeBuilder<CdnPurgeUrl> url)
    {
        url.HasKey(u => u.Id);
        url.Property(u => u.VideoId).HasMaxLength(Library.VideoId.Length).IsUnicode(false);
        url.Property(u => u.Url).HasMaxLength(2048);
        url.Property(u => u.Error).HasMaxLength(1000);
        url.Property(u => u.ProbeError).HasMaxLength(1000);
        url.HasIndex(u => u.InvalidationId);
    }
}
