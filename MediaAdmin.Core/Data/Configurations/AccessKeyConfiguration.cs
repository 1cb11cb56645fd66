using MediaAdmin.Core.Accounts;
using MediaAdmin.Core.AccessKeys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace MediaAdmin.Core.Data.Configurations;

internal sealed class AccessKeyConfiguration : IEntityTypeConfiguration<AccessKey>
{
    public void Configure(EntityTypeBuilder<AccessKey> key)
    {
        key.HasKey(k => k.Id);
        key.Property(k => k.Id).HasMaxLength(64).IsUnicode(false);
        key.Property(k => k.UserId).HasMaxLength(450);
        key.Property(k => k.ProtectedSecret).HasMaxLength(1024).IsUnicode(false);
        key.HasOne<MediaUser>().WithMany().HasForeignKey(k => k.UserId).OnDelete(DeleteBehavior.Cascade);
        key.HasIndex(k => k.UserId);
    }
}

internal sealed class UsedNonceConfiguration : IEntityTypeConfiguration<UsedNonce>
{
    public void Configure(EntityTypeBuilder<UsedNonce> nonce)
    {
        nonce.HasKey(n => n.Nonce);
        nonce.Property(n => n.Nonce).HasMaxLength(UsedNonce.MaxLength);
        nonce.HasIndex(n => n.SeenAtUtc);
    }
}
