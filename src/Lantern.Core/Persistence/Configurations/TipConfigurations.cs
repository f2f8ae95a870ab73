using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.Tips;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Core.Persistence.Configurations;

/// <summary>
/// The tip line's tables. What the reporter wrote, the place, the time and the contact details are encrypted; the
/// province and district stay clear for the queue and for statistics. No column holds an address or a browser.
/// </summary>
internal sealed class TipConfiguration : IEntityTypeConfiguration<Tip>
{
    public void Configure(EntityTypeBuilder<Tip> b)
    {
        b.ToTable("tips");
        b.HasKey(t => t.Id);
        b.Property(t => t.Number).HasMaxLength(16);
        b.HasIndex(t => t.Number).IsUnique();
        b.HasIndex(t => new { t.OrganisationId, t.State, t.ReceivedAt });
        b.HasOne<Organisation>().WithMany().HasForeignKey(t => t.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Case>().WithMany().HasForeignKey(t => t.CaseId).OnDelete(DeleteBehavior.SetNull);
        b.Property(t => t.WhatHappened).IsEncrypted();
        b.Property(t => t.Place).IsEncrypted();
        b.Property(t => t.WhenHappened).IsEncrypted();
        b.Property(t => t.Contact).IsEncrypted();
        b.Property(t => t.District).HasMaxLength(100);
        b.Property(t => t.PhraseHash).HasMaxLength(200);
        b.Property(t => t.CallLanguage).HasMaxLength(3);
        b.Property(t => t.RecordedBy).HasMaxLength(64);
        b.Property(t => t.AssignedToUsername).HasMaxLength(64);
        b.Property(t => t.CloseNote).IsEncrypted();
        b.Property(t => t.Version).IsConcurrencyToken();
        b.HasMany(t => t.Additions).WithOne().HasForeignKey(a => a.TipId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(t => t.Additions).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(t => t.IsOpen);
        b.Ignore(t => t.ChildAtImmediateRisk);
    }
}

internal sealed class TipAdditionConfiguration : IEntityTypeConfiguration<TipAddition>
{
    public void Configure(EntityTypeBuilder<TipAddition> b)
    {
        b.ToTable("tip_additions");
        b.HasKey(a => a.Id);
        b.Property(a => a.Text).IsEncrypted();
        b.Property(a => a.Author).HasMaxLength(64);
    }
}

internal sealed class TipAlertConfiguration : IEntityTypeConfiguration<TipAlert>
{
    public void Configure(EntityTypeBuilder<TipAlert> b)
    {
        b.ToTable("tip_alerts");
        b.HasKey(a => a.Id);
        b.HasIndex(a => new { a.OrganisationId, a.AcknowledgedAt });
        b.HasOne<Tip>().WithMany().HasForeignKey(a => a.TipId).OnDelete(DeleteBehavior.Cascade);
        b.Property(a => a.AcknowledgedBy).HasMaxLength(64);
    }
}

internal sealed class TipDutyConfiguration : IEntityTypeConfiguration<TipDuty>
{
    public void Configure(EntityTypeBuilder<TipDuty> b)
    {
        b.ToTable("tip_duty");
        b.HasKey(d => d.UserId);
        b.HasOne<User>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        b.HasIndex(d => d.OrganisationId);
    }
}

internal sealed class TipLineSettingsConfiguration : IEntityTypeConfiguration<TipLineSettings>
{
    public void Configure(EntityTypeBuilder<TipLineSettings> b)
    {
        b.ToTable("tip_line_settings");
        b.HasKey(s => s.Id);
        b.HasOne<Organisation>().WithMany().HasForeignKey(s => s.HotlineOrganisationId).OnDelete(DeleteBehavior.SetNull);
    }
}
