import FactCheckIcon from '@mui/icons-material/FactCheck';
import PhoneInTalkIcon from '@mui/icons-material/PhoneInTalk';
import type { CreditReview } from '../types';
import { ManualAssessmentList, SpotCheckList } from './ReviewList';
import { ReviewShow } from './ReviewShow';

const recordRepresentation = (record: CreditReview) => record.invoiceNumber;

// Two queues over one API query (creditReviews, by kind); decided with the actions on the show page.
export const manualAssessment = {
  list: ManualAssessmentList,
  show: ReviewShow,
  icon: FactCheckIcon,
  recordRepresentation,
};

export const spotChecks = {
  list: SpotCheckList,
  show: ReviewShow,
  icon: PhoneInTalkIcon,
  recordRepresentation,
};
