using Lantern.Core.Auditing;
using Lantern.Core.Features.Administration;
using Lantern.Core.Features.Cases;
using Lantern.Core.Features.People;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Lantern.Core.Persistence.Configurations;

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> b)
    {
        b.ToTable("organisations");
        b.HasKey(o => o.Id);
        b.Property(o => o.Name).HasMaxLength(200);
        b.HasIndex(o => o.Name).IsUnique();
        b.Property(o => o.Country).HasMaxLength(2);
        b.Property(o => o.City).HasMaxLength(100);
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> b)
    {
        b.ToTable("users");
        b.HasKey(u => u.Id);
        b.Property(u => u.Username).HasMaxLength(64);
        b.HasIndex(u => u.Username).IsUnique();
        b.Property(u => u.PasswordHash).HasMaxLength(200);
        b.Property(u => u.TotpSecret).IsEncrypted();
        b.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.Ignore(u => u.RequiresSecondFactor);
        // ---- Language of the interface ----
        b.Property(u => u.Language).HasMaxLength(8);
        // ---- end ----
    }
}

internal sealed class UserSessionConfiguration : IEntityTypeConfiguration<UserSession>
{
    public void Configure(EntityTypeBuilder<UserSession> b)
    {
        b.ToTable("sessions");
        b.HasKey(s => s.Id);
        b.Property(s => s.TokenHash).HasMaxLength(64);
        b.HasIndex(s => s.TokenHash).IsUnique();
        b.HasIndex(s => s.UserId);
        b.HasOne<User>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AccessTokenConfiguration : IEntityTypeConfiguration<AccessToken>
{
    public void Configure(EntityTypeBuilder<AccessToken> b)
    {
        b.ToTable("access_tokens");
        b.HasKey(t => t.Id);
        b.Property(t => t.Name).HasMaxLength(100);
        b.Property(t => t.TokenHash).HasMaxLength(64);
        b.Property(t => t.Prefix).HasMaxLength(16);
        b.HasIndex(t => t.TokenHash).IsUnique();
        b.HasOne<User>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseConfiguration : IEntityTypeConfiguration<Case>
{
    public void Configure(EntityTypeBuilder<Case> b)
    {
        b.ToTable("cases");
        b.HasKey(c => c.Id);
        b.Property(c => c.Reference).HasMaxLength(Case.MaxReferenceLength);
        b.HasIndex(c => new { c.OrganisationId, c.Reference }).IsUnique();
        b.HasIndex(c => c.Reference);
        b.HasIndex(c => new { c.OrganisationId, c.Status, c.OpenedYear });
        b.Property(c => c.Summary).IsEncrypted();
        b.Property(c => c.ClosureReason).IsEncrypted();
        b.Property(c => c.Version).IsConcurrencyToken();
        b.HasOne<Organisation>().WithMany().HasForeignKey(c => c.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(c => c.Participants).WithOne(p => p.Case).HasForeignKey(p => p.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Events).WithOne().HasForeignKey(e => e.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Notes).WithOne().HasForeignKey(n => n.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Assignments).WithOne().HasForeignKey(a => a.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(c => c.Shares).WithOne().HasForeignKey(s => s.CaseId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(c => c.Participants).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(c => c.Events).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(c => c.Notes).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(c => c.Assignments).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(c => c.Shares).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class CaseAssignmentConfiguration : IEntityTypeConfiguration<CaseAssignment>
{
    public void Configure(EntityTypeBuilder<CaseAssignment> b)
    {
        b.ToTable("case_assignments");
        b.HasKey(a => new { a.CaseId, a.UserId });
        b.HasIndex(a => a.UserId);
        b.HasOne<User>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseShareConfiguration : IEntityTypeConfiguration<CaseShare>
{
    public void Configure(EntityTypeBuilder<CaseShare> b)
    {
        b.ToTable("case_shares");
        b.HasKey(s => new { s.CaseId, s.OrganisationId });
        b.HasIndex(s => s.OrganisationId);
        b.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseParticipantConfiguration : IEntityTypeConfiguration<CaseParticipant>
{
    public void Configure(EntityTypeBuilder<CaseParticipant> b)
    {
        b.ToTable("case_participants");
        b.HasKey(p => p.Id);
        b.HasIndex(p => p.CaseId);
        b.HasIndex(p => p.PersonId);
        b.HasOne(p => p.Person).WithMany(p => p.Participations).HasForeignKey(p => p.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.Property(p => p.StatusDecidedByName).HasMaxLength(200);
        b.Property(p => p.ExploitationCodes).HasMaxLength(500);
        b.Property(p => p.ControlCodes).HasMaxLength(800);
        b.Property(p => p.RoleInProcessCodes).HasMaxLength(500);
        b.Property(p => p.RoleDetails).IsEncrypted();
        b.Ignore(p => p.ExploitationForms);
        b.Ignore(p => p.MethodsOfControl);
        b.Ignore(p => p.RolesInProcess);
    }
}

internal sealed class TraffickingEventConfiguration : IEntityTypeConfiguration<TraffickingEvent>
{
    public void Configure(EntityTypeBuilder<TraffickingEvent> b)
    {
        b.ToTable("trafficking_events");
        b.HasKey(e => e.Id);
        b.HasIndex(e => e.CaseId);
        b.Property(e => e.Date).HasMaxLength(10);
        b.Property(e => e.Country).HasMaxLength(2);
        b.Property(e => e.State).HasMaxLength(100);
        b.Property(e => e.City).HasMaxLength(100);
        b.Property(e => e.Description).IsEncrypted();
        b.HasMany(e => e.People).WithOne().HasForeignKey(p => p.EventId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(e => e.People).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

internal sealed class EventParticipantConfiguration : IEntityTypeConfiguration<EventParticipant>
{
    public void Configure(EntityTypeBuilder<EventParticipant> b)
    {
        b.ToTable("event_participants");
        b.HasKey(p => new { p.EventId, p.ParticipantId });
        b.HasOne<CaseParticipant>().WithMany().HasForeignKey(p => p.ParticipantId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class CaseNoteConfiguration : IEntityTypeConfiguration<CaseNote>
{
    public void Configure(EntityTypeBuilder<CaseNote> b)
    {
        b.ToTable("case_notes");
        b.HasKey(n => n.Id);
        b.HasIndex(n => n.CaseId);
        b.Property(n => n.AuthorName).HasMaxLength(64);
        b.Property(n => n.Text).IsEncrypted();
    }
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("persons");
        b.HasKey(p => p.Id);
        b.Property(p => p.FirstName).IsEncrypted();
        b.Property(p => p.MiddleName).IsEncrypted();
        b.Property(p => p.SecondName).IsEncrypted();
        b.Property(p => p.NameInOriginalScript).IsEncrypted();
        b.Property(p => p.BirthDate).IsEncrypted();
        b.Property(p => p.MobilePhone).IsEncrypted();
        b.Property(p => p.HomePhone).IsEncrypted();
        b.Property(p => p.Email).IsEncrypted();
        b.Property(p => p.MailingStreet).IsEncrypted();
        b.Property(p => p.MailingCity).IsEncrypted();
        b.Property(p => p.MailingState).IsEncrypted();
        b.Property(p => p.MailingPostalCode).IsEncrypted();
        b.Property(p => p.MailingCountry).HasMaxLength(2);
        b.Property(p => p.Citizenships).HasMaxLength(200);
        b.HasOne<Organisation>().WithMany().HasForeignKey(p => p.RecordedBy).OnDelete(DeleteBehavior.Restrict);
        b.HasMany(p => p.Aliases).WithOne().HasForeignKey(a => a.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.Documents).WithOne().HasForeignKey(d => d.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.HasMany(p => p.SearchKeys).WithOne().HasForeignKey(k => k.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.Navigation(p => p.Aliases).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(p => p.Documents).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(p => p.SearchKeys).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Navigation(p => p.Participations).UsePropertyAccessMode(PropertyAccessMode.Field);
        b.Ignore(p => p.DisplayName);
        b.Ignore(p => p.CitizenshipCodes);
        b.Ignore(p => p.ParsedBirthDate);
    }
}

internal sealed class PersonAliasConfiguration : IEntityTypeConfiguration<PersonAlias>
{
    public void Configure(EntityTypeBuilder<PersonAlias> b)
    {
        b.ToTable("person_aliases");
        b.HasKey(a => a.Id);
        b.Property(a => a.Value).IsEncrypted();
    }
}

internal sealed class IdentityDocumentConfiguration : IEntityTypeConfiguration<IdentityDocument>
{
    public void Configure(EntityTypeBuilder<IdentityDocument> b)
    {
        b.ToTable("identity_documents");
        b.HasKey(d => d.Id);
        b.Property(d => d.Number).IsEncrypted();
        b.Property(d => d.IssuingCountry).HasMaxLength(2);
    }
}

internal sealed class PersonSearchKeyConfiguration : IEntityTypeConfiguration<PersonSearchKey>
{
    public void Configure(EntityTypeBuilder<PersonSearchKey> b)
    {
        b.ToTable("person_search_keys");
        b.HasKey(k => k.Id);
        b.Property(k => k.Hash).HasMaxLength(32);
        b.HasIndex(k => k.Hash);
        b.HasIndex(k => k.PersonId);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("audit_log");
        b.HasKey(a => a.Id);
        b.HasIndex(a => a.Sequence).IsUnique();
        b.Property(a => a.ActorName).HasMaxLength(64);
        b.Property(a => a.Action).HasMaxLength(64);
        b.Property(a => a.EntityType).HasMaxLength(64);
        b.Property(a => a.EntityId).HasMaxLength(64);
        b.Property(a => a.RemoteAddress).HasMaxLength(64);
        b.Property(a => a.Detail).HasMaxLength(500);
        b.Property(a => a.PreviousHash).HasMaxLength(64);
        b.Property(a => a.Hash).HasMaxLength(64);
        b.HasIndex(a => a.At);
        b.HasIndex(a => new { a.OrganisationId, a.At });
    }
}
