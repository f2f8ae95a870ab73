using System.CommandLine;
using Lantern.Cli;
using Lantern.Features.Administration;
using Lantern.Features.Cases;
using Lantern.Features.Referrals;

var root = new RootCommand("Lantern: case management, victim protection and intelligence against human trafficking and migrant smuggling.");
root.Options.Add(LocalCommand.Database);
root.Options.Add(LocalCommand.Keys);
root.Subcommands.Add(ServeCommand.Create());
root.Subcommands.Add(AdministrationCommands.Database());
root.Subcommands.Add(CasesCommands.Create());
root.Subcommands.Add(ReferralsCommands.Referrals());
root.Subcommands.Add(ReferralsCommands.Services());
root.Subcommands.Add(Lantern.Features.Screening.ScreeningCommands.Identify());
root.Subcommands.Add(Lantern.Features.Screening.ScreeningCommands.Catalogue());
root.Subcommands.Add(Lantern.Features.Prosecutions.ProsecutionsCommands.Offences());
// ---- Prosecution proceedings (Features/Prosecutions; `cases timeline` is added in CasesCommands) ----
root.Subcommands.Add(Lantern.Features.Prosecutions.ProsecutionsCommands.Hearings());
root.Subcommands.Add(Lantern.Features.Prosecutions.ProsecutionsCommands.Deadlines());
root.Subcommands.Add(Lantern.Features.Prosecutions.ProceedingCommands.Create());
// ---- Evidence register and intelligence (Features/Evidence, Features/Intelligence) ----
root.Subcommands.Add(Lantern.Features.Evidence.EvidenceCommands.Create());
root.Subcommands.Add(Lantern.Features.Intelligence.IntelligenceCommands.Create());
// ---- Record linkage (Features/Linkage) ----
root.Subcommands.Add(Lantern.Features.Linkage.LinkageCommands.Link());
root.Subcommands.Add(Lantern.Features.Linkage.GenerateCommands.Create());
// ---- end ----
// ---- Possible duplicates (Features/Duplicates; `lantern link --database` is in LinkageCommands) ----
root.Subcommands.Add(Lantern.Features.Duplicates.DuplicatesCommands.Create());
// ---- end ----
// ---- Networks (Features/Networks) ----
root.Subcommands.Add(Lantern.Features.Networks.NetworkCommands.Create());
// ---- end ----
// ---- Name screening (Features/Watchlists) ----
root.Subcommands.Add(Lantern.Features.Watchlists.WatchlistCommands.Names());
root.Subcommands.Add(Lantern.Features.Watchlists.WatchlistCommands.Screen());
// ---- end ----
// ---- Watchlists in the database: lists, entries, imports (Features/Watchlists) ----
root.Subcommands.Add(Lantern.Features.Watchlists.WatchlistsCommands.Create());
// ---- Name screening inside Lantern (Features/Watchlists: name-screening name|batch|rescreen, alerts) ----
root.Subcommands.Add(Lantern.Features.Watchlists.NameScreeningCommands.Create());
root.Subcommands.Add(Lantern.Features.Watchlists.NameScreeningCommands.Alerts());
// ---- end ----
// ---- Privacy-preserving record linkage (Features/Pprl) ----
root.Subcommands.Add(Lantern.Features.Pprl.PprlCommands.Create());
// ---- end ----
// ---- Signed sharing packages (Features/Sharing) ----
root.Subcommands.Add(Lantern.Features.Sharing.SharingCommands.Create());
// ---- end ----
// ---- Tip line (Features/Tips) ----
root.Subcommands.Add(Lantern.Features.Tips.TipsCommands.Create());
// ---- end ----
root.Subcommands.Add(Lantern.Features.Statistics.StatisticsCommands.Create());
// ---- Reports and anonymised releases (Features/Reports) ----
root.Subcommands.Add(Lantern.Features.Reports.ReleaseCommands.Create());
// ---- Annual report (Features/Reports; ADR 0022) ----
root.Subcommands.Add(Lantern.Features.Reports.ReportCommands.Create());
// ---- end ----
// ---- end ----
root.Subcommands.Add(AdministrationCommands.Organisations());
root.Subcommands.Add(AdministrationCommands.Users());
// ---- Labour inspections (Features/Inspections; `users districts` joins the users command) ----
root.Subcommands.Add(Lantern.Features.Inspections.InspectionsCommands.Workplaces());
root.Subcommands.Add(Lantern.Features.Inspections.InspectionsCommands.Inspections());
root.Subcommands.OfType<System.CommandLine.Command>().First(c => c.Name == "users").Subcommands.Add(Lantern.Features.Inspections.InspectionsCommands.UserDistricts());
// ---- end ----
root.Subcommands.Add(AdministrationCommands.Tokens());
root.Subcommands.Add(AdministrationCommands.KeyRing());
root.Subcommands.Add(AdministrationCommands.Audit());
return await root.Parse(args).InvokeAsync();
