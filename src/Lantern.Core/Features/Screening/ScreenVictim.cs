using System.Globalization;
using Lantern.Core.Auditing;
using Lantern.Core.Common;
using Lantern.Core.Features.Cases;
using Lantern.Core.Persistence;
using Lantern.Core.Security;
using Microsoft.EntityFrameworkCore;

namespace Lantern.Core.Features.Screening;

/// <summary>
/// Indicator-based screening of a person in a case: start an assessment on one list (the population follows from
/// the person's age at the time of the events, with the presumption of minority), answer indicators in any order
/// and as often as needed (each save is a draft), complete it. Every view carries the live result and its reasons.
/// </summary>
public static class ScreenVictim
{
    public sealed record StartRequest(Guid? ParticipantId, string? Exploitation, bool ReasonToBelieveMinor = false);

    /// <summary>One answer: <c>yes</c>, <c>no</c> or <c>unknown</c> for an indicator named by its text or "dimension: text".</summary>
    public sealed record AnswerInput(string? Indicator, string? Answer, string? Note = null);

    public sealed record SaveRequest(IReadOnlyList<AnswerInput>? Answers, bool Complete = false);

    public sealed record IndicatorAnswerView(string Reference, string Dimension, string Text, string Strength, string Verification, bool Counts, string Answer, string? Note);

    public sealed record ResultView(bool Indicated, IReadOnlyList<string> PositiveDimensions, IReadOnlyList<DimensionResult> Dimensions, string Rule, bool UnknownAnswersCouldIndicate);

    public sealed record AssessmentView(
        Guid Id, Guid CaseId, Guid ParticipantId, Guid PersonId, string Population, bool PopulationPresumed, string AgeReason,
        string Exploitation, string State, string CatalogueLabel, string CatalogueVersion, string RuleSet,
        IReadOnlyList<string> Dimensions, IReadOnlyList<IndicatorAnswerView> Indicators, ResultView Result,
        string CreatedBy, DateTime CreatedAt, DateTime UpdatedAt, DateTime? CompletedAt);

    public sealed record AssessmentSummary(Guid Id, Guid ParticipantId, string Population, bool PopulationPresumed, string Exploitation, string State, bool Indicated, string CreatedBy, DateTime UpdatedAt);

    public sealed class Handler
    {
        private readonly AppDbContext _db;
        private readonly AuditLog _audit;
        private readonly TimeProvider _clock;

        internal Handler(AppDbContext db, AuditLog audit, TimeProvider clock)
        {
            _db = db;
            _audit = audit;
            _clock = clock;
        }

        public async Task<AssessmentView> StartAsync(Actor actor, CaseId caseId, StartRequest request, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.ScreeningAssess);
            var exploitation = IndicatorTerms.ParseExploitation(request.Exploitation, "exploitation");
            var participantId = request.ParticipantId ?? throw new ValidationException("participantId", "Choose the person to screen.");
            var participant = await _db.Participants.Include(p => p.Person).Include(p => p.Case).ThenInclude(c => c.Events)
                .FirstOrDefaultAsync(p => p.Id == participantId && p.CaseId == caseId, ct)
                ?? throw new NotFoundException("The person in this case");
            var age = PresumptionOfMinority.Decide(participant.Person.ParsedBirthDate, participant.AgeWhenTrafficked, EventDate(participant.Case, DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime)), request.ReasonToBelieveMinor);
            var screening = await Catalogues.CurrentAsync(_db, ct);
            if (!screening.Catalogue.HasList(age.Population, exploitation))
            {
                throw new ValidationException("exploitation", $"The catalogue '{screening.Catalogue.Label}' has no {IndicatorTerms.ListName(age.Population, exploitation)} list.");
            }
            var now = _clock.GetUtcNow().UtcDateTime;
            var assessment = new VictimAssessment(participant, age, exploitation, screening, actor.UserId, actor.Username, now);
            _db.Assessments.Add(assessment);
            _audit.Add(actor, "screening.start", "assessment", assessment.Id.ToString(), detail: "case " + caseId);
            await _db.SaveChangesAsync(ct);
            return View(assessment, screening);
        }

        public async Task<AssessmentView> SaveAsync(Actor actor, Guid id, SaveRequest request, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.ScreeningAssess);
            var assessment = await _db.Assessments.FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("The assessment");
            var screening = await Catalogues.ForAsync(_db, assessment.CatalogueVersion, assessment.RuleSet, ct);
            var stored = Merge(screening, assessment, request.Answers ?? []);
            var result = screening.Assess(assessment.ToAnswers(stored));
            var now = _clock.GetUtcNow().UtcDateTime;
            assessment.Record(stored, result, now);
            if (request.Complete)
            {
                assessment.Complete(now);
            }
            _audit.Add(actor, request.Complete ? "screening.complete" : "screening.save", "assessment", id.ToString(), detail: "case " + assessment.CaseId);
            await _db.SaveChangesAsync(ct);
            return View(assessment, screening, stored, result);
        }

        /// <summary>The live result of the answers on screen over the saved ones; saves nothing.</summary>
        public async Task<ResultView> PreviewAsync(Actor actor, Guid id, IReadOnlyList<AnswerInput> answers, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.ScreeningAssess);
            var assessment = await _db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("The assessment");
            var screening = await Catalogues.ForAsync(_db, assessment.CatalogueVersion, assessment.RuleSet, ct);
            var result = screening.Assess(assessment.ToAnswers(Merge(screening, assessment, answers)));
            return new ResultView(result.Indicated, result.PositiveDimensions, result.Dimensions, result.Rule, result.UnknownAnswersCouldIndicate);
        }

        public async Task<AssessmentView> GetAsync(Actor actor, Guid id, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.ScreeningAssess);
            var assessment = await _db.Assessments.AsNoTracking().FirstOrDefaultAsync(a => a.Id == id, ct) ?? throw new NotFoundException("The assessment");
            var screening = await Catalogues.ForAsync(_db, assessment.CatalogueVersion, assessment.RuleSet, ct);
            await _audit.WriteAsync(actor, "screening.view", "assessment", id.ToString(), ct: ct);
            return View(assessment, screening);
        }

        public async Task<IReadOnlyList<AssessmentSummary>> ListAsync(Actor actor, CaseId caseId, CancellationToken ct)
        {
            _db.ScopeTo(actor);
            actor.Require(Permissions.ScreeningAssess);
            if (!await _db.Cases.AnyAsync(c => c.Id == caseId, ct))
            {
                throw new NotFoundException("The case");
            }
            var rows = await _db.Assessments.AsNoTracking().Where(a => a.CaseId == caseId).ToListAsync(ct);
            return rows.OrderByDescending(a => a.UpdatedAt)
                .Select(a => new AssessmentSummary(a.Id, a.ParticipantId, IndicatorTerms.Name(a.Population), a.PopulationPresumed, IndicatorTerms.Name(a.Exploitation),
                    Name(a.State), a.Indicated, a.CreatedByName, a.UpdatedAt))
                .ToList();
        }

        private static AssessmentView View(VictimAssessment a, IndicatorScreening screening)
        {
            var stored = a.Answers;
            return View(a, screening, stored, screening.Assess(a.ToAnswers(stored)));
        }

        private static AssessmentView View(VictimAssessment a, IndicatorScreening screening, StoredAnswers stored, AssessmentResult result)
        {
            var yes = result.Yes.Select(i => i.Reference).ToHashSet(StringComparer.Ordinal);
            var unknown = result.Unknown.Select(i => i.Reference).ToHashSet(StringComparer.Ordinal);
            var indicators = screening.Catalogue.List(a.Population, a.Exploitation)
                .Select(i => new IndicatorAnswerView(i.Reference, i.Dimension, i.Text, IndicatorTerms.Name(i.Strength), i.Verification,
                    i.Strength != IndicatorStrength.Unverified,
                    yes.Contains(i.Reference) ? "yes" : unknown.Contains(i.Reference) ? "unknown" : "no",
                    stored.Notes.GetValueOrDefault(i.Reference)))
                .ToList();
            return new AssessmentView(a.Id, a.CaseId.Value, a.ParticipantId, a.PersonId.Value, IndicatorTerms.Name(a.Population), a.PopulationPresumed, a.AgeReason,
                IndicatorTerms.Name(a.Exploitation), Name(a.State), screening.Catalogue.Label, screening.Catalogue.Version, screening.Rules.Name,
                screening.Catalogue.Dimensions(a.Population, a.Exploitation), indicators,
                new ResultView(result.Indicated, result.PositiveDimensions, result.Dimensions, result.Rule, result.UnknownAnswersCouldIndicate),
                a.CreatedByName, a.CreatedAt, a.UpdatedAt, a.CompletedAt);
        }

        /// <summary>Applies the posted answers over the stored ones; answers not posted keep their value.</summary>
        private static StoredAnswers Merge(IndicatorScreening screening, VictimAssessment assessment, IReadOnlyList<AnswerInput> answers)
        {
            var current = assessment.Answers;
            var yes = new List<string>(current.Yes);
            var unknown = new List<string>(current.Unknown);
            var notes = new Dictionary<string, string>(current.Notes, StringComparer.Ordinal);
            for (var i = 0; i < answers.Count; i++)
            {
                var input = answers[i];
                var field = string.Create(CultureInfo.InvariantCulture, $"answers[{i}]");
                if (string.IsNullOrWhiteSpace(input.Indicator))
                {
                    throw new ValidationException(field + ".indicator", "Name the indicator.");
                }
                var resolved = screening.Find(assessment.Population, assessment.Exploitation, input.Indicator, field + ".indicator").Reference;
                yes.Remove(resolved);
                unknown.Remove(resolved);
                switch (input.Answer?.Trim().ToLowerInvariant())
                {
                    case "yes": yes.Add(resolved); break;
                    case "unknown": unknown.Add(resolved); break;
                    case "no": break;
                    default: throw new ValidationException(field + ".answer", $"'{input.Answer}' is not an answer; use yes, no or unknown.");
                }
                var note = TextRules.FreeText(input.Note, field + ".note", 1000);
                if (note is null)
                {
                    notes.Remove(resolved);
                }
                else
                {
                    notes[resolved] = note;
                }
            }
            return new StoredAnswers(yes, unknown, notes);
        }
    }

    /// <summary>Evaluates answers with the screening in force, storing nothing (the wizard's live result, <c>lantern identify</c>).</summary>
    public sealed class EvaluateHandler
    {
        private readonly AppDbContext _db;

        internal EvaluateHandler(AppDbContext db) => _db = db;

        public async Task<AssessmentResult> Handle(Actor actor, AssessmentAnswersInput input, CancellationToken ct)
        {
            actor.Require(Permissions.ScreeningAssess);
            var screening = await Catalogues.CurrentAsync(_db, ct);
            return screening.Assess(new AssessmentAnswers(
                IndicatorTerms.ParsePopulation(input.Population, "population"),
                IndicatorTerms.ParseExploitation(input.Exploitation, "exploitation"),
                input.Yes ?? [], input.Unknown ?? []));
        }
    }

    public sealed record AssessmentAnswersInput(string? Population, string? Exploitation, IReadOnlyList<string>? Yes, IReadOnlyList<string>? Unknown);

    internal static string Name(AssessmentState state) => state == AssessmentState.Draft ? "draft" : "completed";

    /// <summary>The date the age is judged at: the first dated event of the case, else the day it opened, else today.</summary>
    internal static PartialDate EventDate(Case c, DateOnly today)
    {
        var first = c.Events.Select(e => PartialDate.TryParse(e.Date, out var d) ? (PartialDate?)d : null).OfType<PartialDate>()
            .OrderBy(d => d.Year).ThenBy(d => d.Month ?? 1).ThenBy(d => d.Day ?? 1).Cast<PartialDate?>().FirstOrDefault();
        var fallback = c.OpenedOn ?? today;
        return first ?? PartialDate.Parse(fallback.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), "openedOn");
    }
}
