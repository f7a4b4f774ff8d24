import type { ChannelView } from '@antre/protocol';
import type { PageProps } from '../page-props';
import type { Translate } from '../messages';

/** What each part of the Notifikasi page gets: the page's props, its words, the channels. */
export type NotifySectionProps = Omit<PageProps, 't'> & {
  t: Translate;
  channels: ChannelView[];
};
