using Lantern.Core.Common;
using Lantern.Core.Features.People;

namespace Lantern.Core.Security;

/// <summary>Computes a person's blind-index keys from their identity details: name tokens, phones and document numbers.</summary>
internal sealed class PersonIndexer(BlindIndex index)
{
    public void Reindex(Person person)
    {
        var names = new List<string?> { person.FirstName, person.MiddleName, person.SecondName, person.NameInOriginalScript };
        names.AddRange(person.Aliases.Select(a => a.Value));
        var keys = index.NameKeys(names).ToList();
        foreach (var phone in new[] { person.MobilePhone, person.HomePhone }.OfType<string>())
        {
            keys.Add((SearchKeyKind.Phone, index.Hash(SearchKeyKind.Phone, phone)));
        }
        foreach (var doc in person.Documents)
        {
            keys.Add((SearchKeyKind.Document, index.Hash(SearchKeyKind.Document, DocumentNumber.Normalise(doc.Number))));
        }
        person.SetSearchKeys(keys, BlindIndex.NameKeysVersion);
    }
}
