using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.Prosecutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Core.Persistence.Configurations;

internal sealed class ProceedingConfiguration : IEntityTypeConfiguration<Proceeding>
{
    public void Configure(EntityTypeBuilder<Proceeding> b)
    {
        b.ToTable("proceedings");
        b.HasKey(p => p.Id);
        b.HasIndex(p => p.CaseId).IsUnique();
        b.HasOne(p => p.Case).WithMany().HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Property(p => p.EndReason).IsEncrypted();
        b.Property(p => p.Version).IsConcurrencyToken();
        b.HasMany(p => p.Stages).WithOne().HasForeignKey(s => s.ProceedingId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Stages).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(p => p.Charges).WithOne().HasForeignKey(c => c.ProceedingId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Charges).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.HasMany(p => p.Absconders).WithOne().HasForeignKey(a => a.ProceedingId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Absconders).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(p => p.IsEndedEarly);
        b.Ignore(p => p.IsConcluded);
        b.Ignore(p => p.Current);
    }
}

internal sealed class StageRecordConfiguration : IEntityTypeConfiguration<StageRecord>
{
    public void Configure(EntityTypeBuilder<StageRecord> b)
    {
        b.ToTable("proceeding_stages");
        b.HasKey(s => s.Id);
        b.HasIndex(s => new { s.ProceedingId, s.Stage }).IsUnique();
        b.HasIndex(s => s.ResponsibleUserId);
        b.HasOne<User>().WithMany().HasForeignKey(s => s.ResponsibleUserId).OnDelete(DeleteBehavior.SetNull);
        b.Property(s => s.FirNumber).HasMaxLength(64);
        b.Property(s => s.PoliceStation).HasMaxLength(200);
        b.Property(s => s.Court).HasMaxLength(200);
        b.Property(s => s.Judge).HasMaxLength(200);
        b.Property(s => s.CourtCaseNumber).HasMaxLength(64);
        b.Property(s => s.Documents).IsEncrypted();
        b.Ignore(s => s.DocumentList);
    }
}

internal sealed class ChargeConfiguration : IEntityTypeConfiguration<Charge>
{
    public void Configure(EntityTypeBuilder<Charge> b)
    {
        b.ToTable("charges");
        b.HasKey(c => c.Id);
        b.HasIndex(c => c.CaseId);
        b.HasIndex(c => c.AccusedParticipantId);
        b.HasOne(c => c.Case).WithMany().HasForeignKey(c => c.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CaseParticipant>().WithMany().HasForeignKey(c => c.AccusedParticipantId).OnDelete(DeleteBehavior.Restrict);
        b.Property(c => c.Instrument).HasMaxLength(64);
        b.Property(c => c.Section).HasMaxLength(32);
        b.Property(c => c.Title).HasMaxLength(300);
        b.Property(c => c.Particulars).IsEncrypted();
        b.Property(c => c.SentenceConfirmation).IsEncrypted();
        b.HasMany(c => c.Compensation).WithOne().HasForeignKey(o => o.ChargeId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Compensation).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(c => c.SentenceOutsideRange);
    }
}

internal sealed class CompensationOrderConfiguration : IEntityTypeConfiguration<CompensationOrder>
{
    public void Configure(EntityTypeBuilder<CompensationOrder> b)
    {
        b.ToTable("compensation_orders");
        b.HasKey(o => o.Id);
        b.HasIndex(o => o.VictimParticipantId);
        // No cascade from the victim: the charge's cascade removes the order (one path only, as SQL Server-style engines require).
        b.HasOne<CaseParticipant>().WithMany().HasForeignKey(o => o.VictimParticipantId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AbsconderConfiguration : IEntityTypeConfiguration<Absconder>
{
    public void Configure(EntityTypeBuilder<Absconder> b)
    {
        b.ToTable("absconders");
        b.HasKey(a => a.Id);
        b.HasIndex(a => a.ParticipantId);
        b.HasOne<CaseParticipant>().WithMany().HasForeignKey(a => a.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        b.Property(a => a.ProclamationReference).HasMaxLength(100);
    }
}

internal sealed class HearingConfiguration : IEntityTypeConfiguration<Hearing>
{
    public void Configure(EntityTypeBuilder<Hearing> b)
    {
        b.ToTable("hearings");
        b.HasKey(h => h.Id);
        b.HasIndex(h => new { h.CaseId, h.Date });
        b.HasIndex(h => h.Date);
        b.HasOne(h => h.Case).WithMany().HasForeignKey(h => h.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Property(h => h.Court).HasMaxLength(200);
        b.Property(h => h.Proceedings).IsEncrypted();
        b.Property(h => h.AdjournmentReason).IsEncrypted();
        b.Ignore(h => h.IsAdjourned);
    }
}

internal sealed class WitnessProtectionConfiguration : IEntityTypeConfiguration<WitnessProtection>
{
    public void Configure(EntityTypeBuilder<WitnessProtection> b)
    {
        b.ToTable("witness_protections");
        b.HasKey(w => w.Id);
        b.HasIndex(w => w.ParticipantId).IsUnique();
        b.HasOne(w => w.Case).WithMany().HasForeignKey(w => w.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<CaseParticipant>().WithMany().HasForeignKey(w => w.ParticipantId).OnDelete(DeleteBehavior.Restrict);
        // The pseudonym stands for the person in court papers; it identifies no one, so it stays searchable plain text.
        b.Property(w => w.Pseudonym).HasMaxLength(40);
        b.Property(w => w.OrderReference).HasMaxLength(100);
        b.Ignore(w => w.Measures);
    }
}

internal sealed class DeadlineRuleConfiguration : IEntityTypeConfiguration<DeadlineRule>
{
    public void Configure(EntityTypeBuilder<DeadlineRule> b)
    {
        b.ToTable("deadline_rules");
        b.HasKey(r => r.Id);
        b.Property(r => r.Name).HasMaxLength(200);
        b.Property(r => r.Basis).HasMaxLength(1000);
        b.Property(r => r.Verification).HasMaxLength(16);
    }
}
