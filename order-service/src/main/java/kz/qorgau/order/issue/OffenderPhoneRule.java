package kz.qorgau.order.issue;

import java.util.ArrayList;
import java.util.List;
import kz.qorgau.events.PhoneNumbers;
import kz.qorgau.kit.problem.InvalidRequestException;
import kz.qorgau.kit.problem.Problems;
import kz.qorgau.order.protectiveorder.ContactChannel;

/**
 * Nothing goes to the offender (docs/adr/0030): a victim's SMS contact equal to the offender's recorded phone
 * (compared in E.164, {@link PhoneNumbers}) is refused at issue and at amendment. The problem names the field,
 * never the number.
 */
public final class OffenderPhoneRule {

    static final String DETAIL = "must not be the offender's phone: nothing is ever sent to the offender";

    private OffenderPhoneRule() {}

    /**
     * @param offenderPhone the offender's phone as recorded; null when none is
     * @param contacts the victim's contacts as requested
     * @param field the contacts' field in the request, e.g. {@code victim.contacts}
     * @throws InvalidRequestException naming each contact's {@code address} that equals the offender's phone
     */
    public static void refuseOffenderPhone(
            String offenderPhone, List<IssueOrderRequest.ContactDetails> contacts, String field) {
        if (offenderPhone == null || contacts == null) {
            return;
        }
        List<Problems.FieldProblem> problems = new ArrayList<>();
        for (int i = 0; i < contacts.size(); i++) {
            IssueOrderRequest.ContactDetails contact = contacts.get(i);
            if (contact.channel() == ContactChannel.SMS && PhoneNumbers.same(offenderPhone, contact.address())) {
                problems.add(new Problems.FieldProblem(field + "[" + i + "].address", DETAIL));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidRequestException(problems);
        }
    }
}
